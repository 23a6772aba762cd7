// The inner loop shared by the single-threaded trainer and its worker threads: negative sampling
// with a shared hidden vector per update, and one corpus line of skip-gram or CBOW training.
import { Random } from '../../runtime/random.js';
import { ngramBuckets } from '../fasttext/subwords.js';
import type { WordModelParams } from './params.js';
import { fastSigmoid } from './sigmoid.js';
import type { Vocabulary } from './vocabulary.js';

/** What the inner loop touches: plain or shared weight arrays. */
export interface Weights {
  readonly dim: number;
  readonly input: Float32Array;
  readonly output: Float32Array;
  readonly params: Pick<WordModelParams, 'model' | 'neg' | 'ws'>;
}

const NEGATIVE_TABLE_SIZE = 1_000_000;

export function negativeTable(counts: Float64Array): Int32Array {
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

export class Sgns {
  private readonly hidden: Float32Array;
  private readonly grad: Float32Array;

  constructor(
    private readonly model: Weights,
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


/** Trains on one corpus line (vocabulary ids): sub-sampling, a dynamic window, skip-gram or CBOW. */
export class LineTrainer {
  private readonly kept = new Int32Array(4096);
  private readonly context = new Int32Array(1024);
  private readonly sgns: Sgns;

  constructor(
    private readonly weights: Weights,
    private readonly subwords: readonly Int32Array[],
    private readonly keep: Float64Array,
    negatives: Int32Array,
    private readonly random: Random,
  ) {
    this.sgns = new Sgns(weights, negatives, random);
  }

  train(line: Int32Array, lr: number): void {
    const { kept, context, sgns, subwords, random } = this;
    const { params } = this.weights;
    let n = 0;
    for (const word of line) if (n < kept.length && (word === 0 || random.next() < this.keep[word])) kept[n++] = word;
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
  }
}

/** Keep probabilities of sub-sampling: sqrt(t/f) + t/f, as fastText computes them. */
export function keepProbabilities(vocabulary: Vocabulary, t: number): Float64Array {
  return Float64Array.from(vocabulary.counts, (count) => {
    const f = count / vocabulary.totalTokens;
    return Math.sqrt(t / f) + t / f;
  });
}
