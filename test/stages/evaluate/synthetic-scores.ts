// Synthetic SplitScores for the evaluation tests: seeded, small, with classes that behave
// differently (one detected well, one poorly, one absent from the test split).
import type { SplitName, SplitScores } from '../../../src/io/scores-file.js';

export const CLASSES = ['brute_force', 'impossible_travel', 'off_hours'];

/** mulberry32: a tiny seeded PRNG so fixtures never depend on Math.random. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  readonly split: SplitName;
  readonly embedder?: string;
  readonly windows?: number;
  readonly windowSize?: number;
  readonly seed?: number;
  /** Class ids that never occur in this split. */
  readonly absentClasses?: number[];
  /** How well scores separate anomalies (0 = random). */
  readonly separation?: number;
  readonly clsDim?: number;
}

export function syntheticScores(o: SyntheticOptions): SplitScores {
  const random = prng(o.seed ?? 1);
  const count = o.windows ?? 40;
  const size = o.windowSize ?? 4;
  const separation = o.separation ?? 0.5;
  const absent = new Set(o.absentClasses ?? []);
  const w = { start: [] as number[], end: [] as number[], entity: [] as string[], score: [] as number[], class_scores: [] as number[][], labels: [] as number[][], cls: [] as number[][], cls_index: [] as number[] };
  const lines = { index: [] as number[], score: [] as number[], labels: [] as number[][] };
  const offset = o.split === 'test' ? 100_000 : 50_000;
  for (let i = 0; i < count; i++) {
    const roll = random();
    const cls = roll < 0.2 ? 0 : roll < 0.3 ? 1 : roll < 0.38 ? 2 : -1;
    const label = cls >= 0 && !absent.has(cls) ? cls : -1;
    const start = offset + i * size;
    const hot = label >= 0 ? Math.floor(random() * size) : -1;
    for (let j = 0; j < size; j++) {
      lines.index.push(start + j);
      const isHot = j === hot;
      lines.labels.push(isHot ? [label] : []);
      lines.score.push(Math.round((random() + (isHot ? separation * 1.5 : 0)) * 1000) / 1000);
    }
    w.start.push(start);
    w.end.push(start + size);
    w.entity.push(`user${i % 3}`);
    w.labels.push(label >= 0 ? [label] : []);
    w.score.push(Math.round((random() + (label >= 0 ? separation * (label === 1 ? 0.3 : 1.5) : 0)) * 1000) / 1000);
    w.class_scores.push(CLASSES.map((_, c) => Math.round((random() * 0.6 + (c === label ? separation : 0)) * 1000) / 1000));
    w.cls.push(Array.from({ length: o.clsDim ?? 8 }, (_, d) => random() + (d === label + 1 ? 2 * separation : 0)));
    w.cls_index.push(i);
  }
  return {
    schema: 1,
    split: o.split,
    embedder: o.embedder ?? 'fasttext',
    mode: 'supervised',
    classes: [...CLASSES],
    windows: w,
    lines,
    thresholds: { window: 0.9, line: 1.0, classes: [0.5, 0.5, 0.5] },
  };
}

export function syntheticEmbedder(embedder: string, seed: number, separation = 0.5) {
  return {
    embedder,
    validation: syntheticScores({ split: 'validation', embedder, seed, separation }),
    test: syntheticScores({ split: 'test', embedder, seed: seed + 1000, separation, absentClasses: [2], windows: 60 }),
  };
}

/** Line text for corpus indices, with characters that must be escaped in HTML. */
export async function syntheticLineText(indices: number[]): Promise<Map<number, { source: string; line: number; text: string }>> {
  return new Map(indices.map((index) => [index, {
    source: `user${index % 3}_vpn.log`,
    line: index + 1,
    text: `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}Z login user=<u${index}> from 10.0.0.${index % 255} & "ok"`,
  }]));
}
