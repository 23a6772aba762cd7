// Scores of one split (validation or test) written by training and read by evaluation/detection:
// models/{type}/{embedder}/scores-{split}.json. Column arrays keep the file compact.
import fs from 'node:fs';
import path from 'node:path';
import { writeChunksAtomicSync } from './atomic-write.js';
import { jsonChunks } from './json-chunks.js';
import { PipelineError } from '../pipeline/errors.js';

export type SplitName = 'train' | 'validation' | 'test';

export interface WindowScores {
  /** Corpus index (TFRecord order) of each window's first line, and one past its last. */
  readonly start: number[];
  readonly end: number[];
  readonly entity: string[];
  /** Anomaly score, higher = more anomalous. */
  readonly score: number[];
  /** Per window, one score per class (same order as `classes`); a class is predicted when its score >= its threshold. */
  readonly class_scores: number[][];
  /** True class ids of each window (union of its lines' labels). */
  readonly labels: number[][];
  /** Optional 2-D-projectable [CLS] vectors (a sample of windows: `cls_index` says which). */
  readonly cls?: number[][];
  readonly cls_index?: number[];
}

export interface LineScores {
  /** Corpus index of every scored line of the split. */
  readonly index: number[];
  readonly score: number[];
  readonly labels: number[][];
}

export interface SplitScores {
  readonly schema: 1;
  readonly split: SplitName;
  readonly embedder: string;
  readonly mode: 'unsupervised' | 'supervised';
  readonly classes: string[];
  readonly windows: WindowScores;
  readonly lines: LineScores;
  /** The model's own thresholds (calibrated on validation): window anomaly, line anomaly, per class. */
  readonly thresholds: { readonly window: number; readonly line: number; readonly classes: number[] };
}

export function scoresFile(modelDir: string, split: SplitName): string {
  return path.join(modelDir, `scores-${split}.json`);
}

/** A column that may be a typed array or a one-pass iterable (a generator) instead of an array. */
type Streamed<T> = { readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? Iterable<E> : T[K] };

/** What training writes: SplitScores whose window and line columns may be streamed. */
export interface SplitScoresOutput extends Omit<SplitScores, 'windows' | 'lines'> {
  readonly windows: Streamed<WindowScores>;
  readonly lines: Streamed<LineScores>;
}

/** Streamed, without indentation: on large logs these are the biggest files training writes. */
export function writeScores(modelDir: string, scores: SplitScoresOutput): string {
  const file = scoresFile(modelDir, scores.split);
  writeChunksAtomicSync(file, (function* () {
    yield* jsonChunks(scores);
    yield '\n';
  })());
  return file;
}

export function readScores(modelDir: string, split: SplitName): SplitScores {
  const file = scoresFile(modelDir, split);
  if (!fs.existsSync(file)) {
    throw new PipelineError('missing_prerequisite', `${file} does not exist: train a model first (run-pipeline train --embedding_type ${path.basename(modelDir)})`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SplitScores;
}
