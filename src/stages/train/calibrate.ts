// Calibration on the validation split only: the window and line thresholds, and class attribution
// (unsupervised: flagged windows take the classes whose validation prototypes their [CLS] is close to;
// supervised: per-class probability thresholds, fitted only to classes with enough validation
// examples). Then the scores files of validation and test.
import type { CorpusColumns } from '../../io/corpus.js';
import type { SplitName, SplitScoresOutput } from '../../io/scores-file.js';
import { marginedF1Threshold, tooFewToFit } from '../evaluate/metrics/threshold.js';
import { windowResult, type ScoreColumns, type WindowResult } from './score-columns.js';
import { hasLabel, windowLabels, type Window } from './windows.js';

export interface Calibration {
  readonly window: number;
  readonly line: number;
  readonly classes: number[];
  readonly prototypes: (number[] | null)[];
  readonly notes: string[];
}

export interface ScoredSplit {
  readonly windows: readonly Window[];
  readonly columns: ScoreColumns;
}

const FALLBACK_PERCENTILE = 0.99;
const MAX_CLS_SAMPLE = 2000;

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** F1-optimal on validation labels (with a margin below) when there are any; otherwise a high percentile of validation scores. */
function threshold(truth: boolean[], scores: number[], what: string, notes: string[]): number {
  const best = marginedF1Threshold(truth, scores);
  if (best) return best.threshold;
  notes.push(`${what} threshold: no labelled anomaly in validation, so the ${FALLBACK_PERCENTILE * 100}th percentile of validation scores`);
  return percentile(scores, FALLBACK_PERCENTILE) + 1e-9;
}

function cosine01(a: Float32Array, b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += a[k] * b[k];
    na += a[k] * a[k];
    nb += b[k] * b[k];
  }
  return (1 + dot / Math.max(1e-12, Math.sqrt(na * nb))) / 2;
}

/** Each line of the split once, by corpus index (ascending), with the highest score any of its windows gave it. */
export function lineScoresOf(split: ScoredSplit, supervised: boolean, corpusLines: number): { index: Uint32Array; score: Float32Array } {
  const best = new Float32Array(corpusLines).fill(Number.NaN);
  const { columns } = split;
  const width = columns.shape.window;
  split.windows.forEach((window, w) => {
    window.lines.forEach((line, i) => {
      const score = supervised ? columns.score[w] : i < width ? columns.lineScores[w * width + i] : 0;
      best[line] = Number.isNaN(best[line]) ? Math.max(0, score) : Math.max(best[line], score);
    });
  });
  let count = 0;
  for (const value of best) if (!Number.isNaN(value)) count++;
  const index = new Uint32Array(count);
  const score = new Float32Array(count);
  let at = 0;
  best.forEach((value, line) => {
    if (Number.isNaN(value)) return;
    index[at] = line;
    score[at++] = value;
  });
  return { index, score };
}

export function classScores(result: WindowResult, calibration: Pick<Calibration, 'window' | 'prototypes'>): number[] {
  if (result.classProbabilities) return Array.from(result.classProbabilities);
  const evidence = Math.min(1, result.score / Math.max(1e-9, calibration.window));
  return calibration.prototypes.map((prototype) => (prototype ? evidence * cosine01(result.cls, prototype) : 0));
}

function checkAligned(split: ScoredSplit): void {
  if (split.columns.count !== split.windows.length) throw new Error(`${split.columns.count} window scores for ${split.windows.length} windows`);
}

export function calibrate(validation: ScoredSplit, corpus: CorpusColumns, supervised: boolean, optimize: boolean): Calibration {
  checkAligned(validation);
  const notes: string[] = [];
  const { columns } = validation;
  const labels = validation.windows.map((w) => windowLabels(w, corpus));
  const window = supervised && !optimize ? 0.5 : threshold(labels.map((l) => l.length > 0), Array.from(columns.score), 'window', notes);
  const lineScores = lineScoresOf(validation, supervised, corpus.lines);
  const line = supervised && !optimize ? 0.5 : threshold(Array.from(lineScores.index, (i) => hasLabel(corpus, i)), Array.from(lineScores.score), 'line', notes);
  const classes = corpus.classes;
  const prototypes = classes.map((_, c) => (supervised ? null : meanCls(columns, labels, c)));
  const scores = supervised && !optimize ? null : classScoreBlock(columns, { window, prototypes }, classes.length);
  const perClass = classes.map((name, c) => {
    if (!scores) return 0.5;
    const truth = labels.map((l) => l.includes(c));
    if (!truth.some(Boolean)) {
      notes.push(`class ${name}: no example in validation; it is never predicted`);
      return Infinity;
    }
    const few = supervised ? tooFewToFit(truth) : null;
    if (few) {
      notes.push(`class ${name}: ${few}; it keeps 0.5`);
      return 0.5;
    }
    return marginedF1Threshold(truth, labels.map((_, w) => scores[w * classes.length + c]))?.threshold ?? Infinity;
  });
  return { window, line, classes: perClass, prototypes, notes };
}

/** Every window's class scores, worked out once: [windows, classes], row by row. */
function classScoreBlock(columns: ScoreColumns, calibration: Pick<Calibration, 'window' | 'prototypes'>, classes: number): Float64Array {
  const block = new Float64Array(columns.count * classes);
  for (let w = 0; w < columns.count; w++) block.set(classScores(windowResult(columns, w), calibration), w * classes);
  return block;
}

/** The mean [CLS] vector of the windows labelled with class c, or null when there are none. */
function meanCls(columns: ScoreColumns, labels: readonly number[][], c: number): number[] | null {
  const { dModel } = columns.shape;
  const sum = new Float64Array(dModel);
  let members = 0;
  labels.forEach((l, w) => {
    if (!l.includes(c)) return;
    members++;
    for (let k = 0; k < dModel; k++) sum[k] += columns.cls[w * dModel + k];
  });
  return members === 0 ? null : Array.from(sum, (v) => v / members);
}

function* each<T>(count: number, value: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield value(i);
}

/**
 * The split's scores file, its columns computed as they are written rather than built first. Some
 * are one-pass generators: write the result once.
 */
export function splitScores(name: SplitName, embedder: string, split: ScoredSplit, corpus: CorpusColumns, calibration: Calibration, supervised: boolean): SplitScoresOutput {
  checkAligned(split);
  const { windows, columns } = split;
  const lineScores = lineScoresOf(split, supervised, corpus.lines);
  const labelsOf = (line: number) => Array.from(corpus.labelIds.subarray(corpus.labelOffsets[line], corpus.labelOffsets[line + 1]));
  const step = Math.max(1, Math.ceil(windows.length / MAX_CLS_SAMPLE));
  const sample = windows.map((_, w) => w).filter((w) => w % step === 0);
  return {
    schema: 1,
    split: name,
    embedder,
    mode: supervised ? 'supervised' : 'unsupervised',
    classes: [...corpus.classes],
    windows: {
      start: each(windows.length, (w) => windows[w].lines[0]),
      end: each(windows.length, (w) => windows[w].lines[windows[w].lines.length - 1] + 1),
      entity: each(windows.length, (w) => windows[w].entity),
      score: columns.score,
      class_scores: each(windows.length, (w) => classScores(windowResult(columns, w), calibration)),
      labels: each(windows.length, (w) => windowLabels(windows[w], corpus)),
      cls: sample.map((w) => Array.from(windowResult(columns, w).cls, (v) => Math.round(v * 1e5) / 1e5)),
      cls_index: sample,
    },
    lines: { ...lineScores, labels: each(lineScores.index.length, (i) => labelsOf(lineScores.index[i])) },
    thresholds: { window: calibration.window, line: calibration.line, classes: calibration.classes.map((t) => (Number.isFinite(t) ? t : 1e9)) },
  };
}
