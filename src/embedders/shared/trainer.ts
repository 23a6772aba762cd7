// Skip-gram and CBOW with negative sampling over the corpus, with fastText's character n-grams when
// maxn > 0 (Word2Vec when 0): sub-sampling of frequent tokens, a dynamic window, linear learning-rate
// decay. Single-threaded and seeded, so a run is deterministic; it checkpoints weights, position,
// and random state, and resumes exactly from them.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../../io/atomic-write.js';
import { littleEndianBytes, readFloat32File } from '../../io/vectors.js';
import { Random } from '../../runtime/random.js';
import { ngramBuckets } from '../fasttext/subwords.js';
import type { WordModelParams } from './params.js';
import { fastSigmoid } from './sigmoid.js';
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
}

interface Position {
  epoch: number;
  line: number;
  tokensDone: number;
  random: number;
}

const NEGATIVE_TABLE_SIZE = 1_000_000;

function negativeTable(counts: Float64Array): Int32Array {
  const table = new Int32Array(NEGATIVE_TABLE_SIZE);
  const weights = Array.from(counts, (count, i) => (i === 0 ? 0 : Math.pow(count, 0.75)));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let at = 0;
  weights.forEach((weight, word) => {
    const end = Math.min(NEGATIVE_TABLE_SIZE, at + Math.round((weight / total) * NEGATIVE_TABLE_SIZE));
    table.fill(word, at, end);
    at = end;
  });
  table.fill(Math.max(1, counts.length - 1), at);
  return table;
}

export function subwordRows(vocabulary: Vocabulary, params: WordModelParams): Int32Array[] {
  return vocabulary.words.map((word, id) => {
    const ngrams = id === 0 ? [] : ngramBuckets(word, params.minn, params.maxn, params.bucket);
    return Int32Array.from([id, ...ngrams.map((bucket) => vocabulary.words.length + bucket)]);
  });
}

class Sgns {
  private readonly hidden: Float32Array;
  private readonly grad: Float32Array;

  constructor(
    private readonly model: WordModel,
    private readonly negatives: Int32Array,
    private readonly random: Random,
  ) {
    this.hidden = new Float32Array(model.dim);
    this.grad = new Float32Array(model.dim);
  }

  /** Starts an update: the hidden vector is the mean of the input rows; the gradient starts at zero. */
  prepare(inputRows: ArrayLike<number>, count: number): void {
    const { dim, input } = this.model;
    const { hidden, grad } = this;
    hidden.fill(0);
    grad.fill(0);
    for (let r = 0; r < count; r++) {
      const base = inputRows[r] * dim;
      for (let k = 0; k < dim; k++) hidden[k] += input[base + k];
    }
    for (let k = 0; k < dim; k++) hidden[k] /= count;
  }

  /** The hidden vector predicts `target` against `neg` sampled negatives; output rows move now, the input gradient accumulates. */
  predict(target: number, lr: number): void {
    const { dim, output, params } = this.model;
    const { hidden, grad } = this;
    for (let n = 0; n <= params.neg; n++) {
      let word = target;
      if (n > 0) {
        do word = this.negatives[Math.floor(this.random.next() * this.negatives.length)];
        while (word === target);
      }
      const base = word * dim;
      let dot = 0;
      for (let k = 0; k < dim; k++) dot += output[base + k] * hidden[k];
      const alpha = lr * ((n === 0 ? 1 : 0) - fastSigmoid(dot));
      for (let k = 0; k < dim; k++) {
        grad[k] += alpha * output[base + k];
        output[base + k] += alpha * hidden[k];
      }
    }
  }

  /** Adds the accumulated gradient to every input row. */
  apply(inputRows: ArrayLike<number>, count: number): void {
    const { dim, input } = this.model;
    const { grad } = this;
    for (let r = 0; r < count; r++) {
      const base = inputRows[r] * dim;
      for (let k = 0; k < dim; k++) input[base + k] += grad[k];
    }
  }
}

function loadState(stateDir: string, model: WordModel): Position | null {
  const file = path.join(stateDir, 'position.json');
  if (!fs.existsSync(file)) return null;
  model.input.set(readFloat32File(path.join(stateDir, 'input.f32')));
  model.output.set(readFloat32File(path.join(stateDir, 'output.f32')));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Position;
}

function saveState(stateDir: string, model: WordModel, position: Position): void {
  fs.mkdirSync(stateDir, { recursive: true });
  writeFileAtomicSync(path.join(stateDir, 'input.f32'), littleEndianBytes(model.input));
  writeFileAtomicSync(path.join(stateDir, 'output.f32'), littleEndianBytes(model.output));
  writeJsonAtomicSync(path.join(stateDir, 'position.json'), position);
}

function initialModel(run: TrainingRun): WordModel {
  const { params } = run;
  const vocabulary = buildVocabulary(run.lines, run.lineCounts, params.min_count);
  const rows = vocabulary.words.length + (params.maxn > 0 ? params.bucket : 0);
  const random = new Random(run.seed);
  const input = Float32Array.from({ length: rows * params.dim }, () => (random.next() * 2 - 1) / params.dim);
  return { params, vocabulary, dim: params.dim, input, output: new Float32Array(vocabulary.words.length * params.dim) };
}

export async function trainWordModel(run: TrainingRun): Promise<WordModel> {
  const { params } = run;
  const model = initialModel(run);
  const ids = lineIds(run.lines, model.vocabulary);
  const subwords = subwordRows(model.vocabulary, params);
  const keep = Float64Array.from(model.vocabulary.counts, (count) => {
    const f = count / model.vocabulary.totalTokens;
    return Math.sqrt(params.t / f) + params.t / f;
  });
  const position: Position = (run.resume ? loadState(run.stateDir, model) : null) ?? { epoch: 0, line: 0, tokensDone: 0, random: (run.seed ^ 0x5bd1e995) >>> 0 };
  const random = new Random(position.random);
  const sgns = new Sgns(model, negativeTable(model.vocabulary.counts), random);
  const totalTokens = params.epoch * model.vocabulary.totalTokens;
  const started = Date.now();
  const startTokens = position.tokensDone;
  const context = new Int32Array(1024);
  const kept = new Int32Array(4096);
  for (; position.epoch < params.epoch; position.epoch++, position.line = 0) {
    for (; position.line < run.rows.length; position.line++) {
      const line = ids[run.rows[position.line]];
      const fraction = position.tokensDone / totalTokens;
      const lr = params.lr * (1 - fraction);
      let n = 0;
      for (const word of line) if (n < kept.length && (word === 0 || random.next() < keep[word])) kept[n++] = word;
      for (let w = 0; w < n; w++) {
        const boundary = 1 + Math.floor(random.next() * params.ws);
        if (params.model === 'skipgram') {
          // The centre's hidden vector is computed once and its input gradient applied once per
          // centre (not per context word): the same model, several times fewer row reads and writes.
          const rows = subwords[kept[w]];
          sgns.prepare(rows, rows.length);
          for (let c = -boundary; c <= boundary; c++) if (c !== 0 && w + c >= 0 && w + c < n) sgns.predict(kept[w + c], lr);
          sgns.apply(rows, rows.length);
        } else {
          let size = 0;
          for (let c = -boundary; c <= boundary; c++) {
            if (c === 0 || w + c < 0 || w + c >= n) continue;
            for (const row of subwords[kept[w + c]]) if (size < context.length) context[size++] = row;
          }
          if (size > 0) {
            sgns.prepare(context, size);
            sgns.predict(kept[w], lr);
            sgns.apply(context, size);
          }
        }
      }
      position.tokensDone += line.length;
      const done = position.tokensDone / totalTokens;
      if (position.line % 256 === 0) run.onProgress?.(done, (position.tokensDone - startTokens) / Math.max(0.001, (Date.now() - started) / 1000));
      if (run.due(done)) {
        saveState(run.stateDir, model, { ...position, line: position.line + 1, random: random.seed });
        await run.onCheckpoint(done);
      }
    }
  }
  return model;
}
