// Skip-gram and CBOW with negative sampling over the corpus, with fastText's character n-grams when
// maxn > 0 (Word2Vec when 0): sub-sampling of frequent tokens, a dynamic window, linear learning-rate
// decay. With one thread a seeded run is deterministic; with several, worker threads share the
// weights lock-free. It checkpoints weights, position and random state, and resumes from them.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../../io/atomic-write.js';
import { littleEndianBytes, readFloat32File } from '../../io/vectors.js';
import { Random } from '../../runtime/random.js';
import type { WordModelParams } from './params.js';
import { keepProbabilities, LineTrainer, negativeTable, subwordRows } from './sgns.js';
import { trainInWorkers } from './worker-pool.js';
import { buildVocabulary, lineIds, type Vocabulary } from './vocabulary.js';

export interface WordModel {
  readonly params: WordModelParams;
  readonly vocabulary: Vocabulary;
  readonly dim: number;
  /** Rows: vocabulary words, then n-gram buckets. */
  readonly input: Float32Array;
  readonly output: Float32Array;
}

export interface TrainingRun {
  readonly lines: readonly string[];
  readonly lineCounts: Uint32Array;
  /** The distinct-line row of every corpus line, in corpus order. */
  readonly rows: Uint32Array;
  readonly params: WordModelParams;
  readonly seed: number;
  readonly stateDir: string;
  readonly resume: boolean;
  due(fraction: number): boolean;
  onCheckpoint(fraction: number): Promise<void>;
  onProgress?(fraction: number, wordsPerSecond: number): void;
  /** Worker threads updating shared weights lock-free, as the reference tools do; 1 (default) is deterministic. */
  readonly threads?: number;
}

export interface Position {
  epoch: number;
  line: number;
  tokensDone: number;
  random: number;
}

function loadState(stateDir: string, model: WordModel): Position | null {
  const file = path.join(stateDir, 'position.json');
  if (!fs.existsSync(file)) return null;
  model.input.set(readFloat32File(path.join(stateDir, 'input.f32')));
  model.output.set(readFloat32File(path.join(stateDir, 'output.f32')));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Position;
}

export function saveState(stateDir: string, model: WordModel, position: Position): void {
  fs.mkdirSync(stateDir, { recursive: true });
  writeFileAtomicSync(path.join(stateDir, 'input.f32'), littleEndianBytes(model.input));
  writeFileAtomicSync(path.join(stateDir, 'output.f32'), littleEndianBytes(model.output));
  writeJsonAtomicSync(path.join(stateDir, 'position.json'), position);
}

/** Weight arrays live in SharedArrayBuffers when worker threads update them together. */
function floats(length: number, shared: boolean): Float32Array {
  return shared ? new Float32Array(new SharedArrayBuffer(length * 4)) : new Float32Array(length);
}

function initialModel(run: TrainingRun, shared: boolean): WordModel {
  const { params } = run;
  const vocabulary = buildVocabulary(run.lines, run.lineCounts, params.min_count);
  const rows = vocabulary.words.length + (params.maxn > 0 ? params.bucket : 0);
  const random = new Random(run.seed);
  const input = floats(rows * params.dim, shared);
  for (let i = 0; i < input.length; i++) input[i] = (random.next() * 2 - 1) / params.dim;
  return { params, vocabulary, dim: params.dim, input, output: floats(vocabulary.words.length * params.dim, shared) };
}

export interface TrainingData {
  readonly ids: Int32Array[];
  readonly subwords: Int32Array[];
  readonly keep: Float64Array;
  readonly negatives: Int32Array;
}

function trainingData(run: TrainingRun, model: WordModel): TrainingData {
  return { ids: lineIds(run.lines, model.vocabulary), subwords: subwordRows(model.vocabulary, run.params), keep: keepProbabilities(model.vocabulary, run.params.t), negatives: negativeTable(model.vocabulary.counts) };
}

export async function trainWordModel(run: TrainingRun): Promise<WordModel> {
  const threads = Math.max(1, run.threads ?? 1);
  const model = initialModel(run, threads > 1);
  const position: Position = (run.resume ? loadState(run.stateDir, model) : null) ?? { epoch: 0, line: 0, tokensDone: 0, random: (run.seed ^ 0x5bd1e995) >>> 0 };
  const data = trainingData(run, model);
  if (threads > 1) await trainInWorkers(run, model, data, position, threads);
  else await trainHere(run, model, data, position);
  return model;
}

async function trainHere(run: TrainingRun, model: WordModel, data: TrainingData, position: Position): Promise<void> {
  const { params } = run;
  const random = new Random(position.random);
  const trainer = new LineTrainer(model, data.subwords, data.keep, data.negatives, random);
  const totalTokens = params.epoch * model.vocabulary.totalTokens;
  const started = Date.now();
  const startTokens = position.tokensDone;
  for (; position.epoch < params.epoch; position.epoch++, position.line = 0) {
    for (; position.line < run.rows.length; position.line++) {
      const line = data.ids[run.rows[position.line]];
      trainer.train(line, params.lr * (1 - position.tokensDone / totalTokens));
      position.tokensDone += line.length;
      const done = position.tokensDone / totalTokens;
      if (position.line % 256 === 0) run.onProgress?.(done, (position.tokensDone - startTokens) / Math.max(0.001, (Date.now() - started) / 1000));
      if (run.due(done)) {
        saveState(run.stateDir, model, { ...position, line: position.line + 1, random: random.seed });
        await run.onCheckpoint(done);
      }
    }
  }
}
