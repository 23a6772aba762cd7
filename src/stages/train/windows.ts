// Windows of lines per entity, and the split: chronological per entity (each entity's lines are cut
// at the train/validation boundaries first, then windowed, so no window crosses a split; training's
// count windows may be denser), or random.
import type { CorpusColumns } from '../../io/corpus.js';
import { Random } from '../../runtime/random.js';
import type { SplitParams, WindowParams } from './params.js';

export interface Window {
  readonly entity: string;
  /** Corpus indexes of the window's lines, in order. */
  readonly lines: Uint32Array;
  /** Lines just before and after the window that the model reads as context only: they neither label nor get scored with it. */
  readonly context?: WindowContext;
}

export interface WindowContext {
  readonly before: Uint32Array;
  readonly after: Uint32Array;
}

export interface SplitWindows {
  readonly train: Window[];
  readonly validation: Window[];
  readonly test: Window[];
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60000, h: 3600000 };

export function spanMs(span: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(span)!;
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** Each entity's corpus indexes, in corpus order. */
function entityLines(corpus: CorpusColumns): Uint32Array[] {
  const lists: number[][] = corpus.entityNames.map(() => []);
  for (let i = 0; i < corpus.lines; i++) lists[corpus.entity[i]].push(i);
  return lists.map((list) => Uint32Array.from(list));
}

function countWindows(lines: Uint32Array, size: number, stride: number): Uint32Array[] {
  if (lines.length === 0) return [];
  if (lines.length <= size) return [lines];
  const windows: Uint32Array[] = [];
  for (let start = 0; start + size <= lines.length; start += stride) windows.push(lines.subarray(start, start + size));
  const lastEnd = windows.length ? (windows.length - 1) * stride + size : 0;
  // The tail after the last full window still gets a (full-size, overlapping) window.
  if (lastEnd < lines.length) windows.push(lines.subarray(lines.length - size));
  return windows;
}

function timeWindows(lines: Uint32Array, ts: Float64Array, span: number, size: number): Uint32Array[] {
  const windows: Uint32Array[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    const gap = i === lines.length || !(ts[lines[i]] - ts[lines[start]] < span) || i - start >= size;
    if (gap) {
      windows.push(lines.subarray(start, i));
      start = i;
    }
  }
  return windows;
}

function sessionWindows(lines: Uint32Array, session: Uint32Array, size: number): Uint32Array[] {
  const bySession = new Map<number, number[]>();
  for (const line of lines) {
    const key = session[line];
    const list = bySession.get(key) ?? [];
    if (list.length < size) list.push(line);
    bySession.set(key, list);
  }
  return [...bySession.values()].map((list) => Uint32Array.from(list));
}

export function windowsOf(lines: Uint32Array, corpus: CorpusColumns, params: WindowParams, session?: Uint32Array): Uint32Array[] {
  if (params.mode === 'time') return timeWindows(lines, corpus.ts, spanMs(params.time_span), params.size);
  if (params.mode === 'session' && session) return sessionWindows(lines, session, params.size);
  return countWindows(lines, params.size, params.stride);
}

/**
 * Up to `lines` lines on each side of `window`, a run of `part` (count and time windows are), taken
 * from `part` only so that context never crosses a split boundary. Session windows get none.
 */
function withContext(part: Uint32Array, window: Uint32Array, lines: number): WindowContext | undefined {
  if (lines === 0 || window.buffer !== part.buffer || window.length === 0) return undefined;
  const start = (window.byteOffset - part.byteOffset) / Uint32Array.BYTES_PER_ELEMENT;
  const end = start + window.length;
  return { before: part.subarray(Math.max(0, start - lines), start), after: part.subarray(end, Math.min(part.length, end + lines)) };
}

/** The windows of `part`, a run of one entity's lines, each with its context from the same run. */
export function partWindows(entity: string, part: Uint32Array, corpus: CorpusColumns, params: WindowParams, session?: Uint32Array): Window[] {
  return windowsOf(part, corpus, params, session).map((lines) => {
    const context = params.mode === 'session' ? undefined : withContext(part, lines, params.context);
    return context ? { entity, lines, context } : { entity, lines };
  });
}

export function splitWindows(corpus: CorpusColumns, windows: WindowParams, split: SplitParams, seed: number, session?: Uint32Array): SplitWindows {
  const result: SplitWindows = { train: [], validation: [], test: [] };
  const all: Window[] = [];
  entityLines(corpus).forEach((lines, entity) => {
    const make = (part: Uint32Array, params = windows) => partWindows(corpus.entityNames[entity], part, corpus, params, session);
    // A random split has no runs of lines to take context from: it would reach other splits' lines.
    if (split.method === 'random') return all.push(...make(lines, { ...windows, context: 0 }));
    const a = Math.round(lines.length * split.train);
    const b = Math.round(lines.length * (split.train + split.validation));
    result.train.push(...make(lines.subarray(0, a), { ...windows, stride: windows.train_stride }));
    result.validation.push(...make(lines.subarray(a, b)));
    result.test.push(...make(lines.subarray(b)));
  });
  if (split.method === 'random') {
    const random = new Random(seed);
    for (const window of all) {
      const draw = random.next();
      (draw < split.train ? result.train : draw < split.train + split.validation ? result.validation : result.test).push(window);
    }
  }
  return result;
}

/** The union of a window's line labels, ascending. */
export function windowLabels(window: Window, corpus: CorpusColumns): number[] {
  const labels = new Set<number>();
  for (const line of window.lines) for (let k = corpus.labelOffsets[line]; k < corpus.labelOffsets[line + 1]; k++) labels.add(corpus.labelIds[k]);
  return [...labels].sort((a, b) => a - b);
}

export function hasLabel(corpus: CorpusColumns, line: number): boolean {
  return corpus.labelOffsets[line + 1] > corpus.labelOffsets[line];
}

/** Whether any line the model reads for this window, its own or its context, carries a label. */
export function readsLabelledLine(window: Window, corpus: CorpusColumns): boolean {
  const parts = window.context ? [window.lines, window.context.before, window.context.after] : [window.lines];
  return parts.some((lines) => lines.some((line) => hasLabel(corpus, line)));
}
