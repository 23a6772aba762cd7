// fastText's binary model format (version 12, magic 793712314): arguments, dictionary, input matrix
// (word rows, then n-gram buckets) and output matrix. Saving writes what the reference `fasttext`
// program loads; loading keeps only the rows the corpus needs and refuses quantised models.
import fs from 'node:fs';
import type { WordModel } from '../shared/trainer.js';
import { BinaryReader } from '../shared/binary-reader.js';
import { ngramBuckets } from './subwords.js';
import { END_OF_LINE } from '../shared/tokenize.js';

export const FASTTEXT_MAGIC = 793712314;
export const FASTTEXT_VERSION = 12;
const LOSS_NEGATIVE_SAMPLING = 2;
const MODEL = { cbow: 1, skipgram: 2, supervised: 3 } as const;

function int32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(value);
  return b;
}

function int64(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt(value));
  return b;
}

function matrix(rows: number, cols: number, data: Float32Array): Buffer[] {
  return [Buffer.from([0]), int64(rows), int64(cols), Buffer.from(data.buffer, data.byteOffset, data.byteLength)];
}

export function saveFastTextBin(model: WordModel, file: string): void {
  const { params, vocabulary, dim } = model;
  const bucket = params.maxn > 0 ? params.bucket : 0;
  const t = Buffer.alloc(8);
  t.writeDoubleLE(params.t);
  const args = [dim, params.ws, params.epoch, params.min_count, params.neg, 1, LOSS_NEGATIVE_SAMPLING, MODEL[params.model], bucket, params.minn, params.maxn, 100].map(int32);
  const entries = vocabulary.words.flatMap((word, i) => [Buffer.from(word + '\0', 'utf8'), int64(vocabulary.counts[i]), Buffer.from([0])]);
  const dictionary = [int32(vocabulary.words.length), int32(vocabulary.words.length), int32(0), int64(vocabulary.totalTokens), int64(-1), ...entries];
  const inputRows = vocabulary.words.length + bucket;
  const parts = [int32(FASTTEXT_MAGIC), int32(FASTTEXT_VERSION), ...args, t, ...dictionary, ...matrix(inputRows, dim, model.input.subarray(0, inputRows * dim)), ...matrix(vocabulary.words.length, dim, model.output)];
  fs.writeFileSync(file, Buffer.concat(parts));
}

export interface PretrainedVectors {
  readonly dim: number;
  readonly method: string;
  /** The vector of each requested token that the model can give one. */
  readonly vectors: Map<string, Float32Array>;
}

function readHeader(reader: BinaryReader) {
  if (reader.int32('the magic number') !== FASTTEXT_MAGIC) {
    reader.offset = 0;
    reader.fail(`not a fastText model (magic number is not ${FASTTEXT_MAGIC})`);
  }
  const version = reader.int32('the version');
  if (version > FASTTEXT_VERSION) reader.fail(`fastText format version ${version} is newer than ${FASTTEXT_VERSION}`);
  const names = ['dim', 'ws', 'epoch', 'minCount', 'neg', 'wordNgrams', 'loss', 'model', 'bucket', 'minn', 'maxn', 'lrUpdateRate'];
  const args = Object.fromEntries(names.map((name) => [name, reader.int32(`argument ${name}`)]));
  reader.float64('argument t');
  return args;
}

interface BinContents {
  readonly args: Record<string, number>;
  readonly words: string[];
  readonly counts: number[];
  readonly nwords: number;
  readonly rows: number;
  readonly dim: number;
  readonly matrixStart: number;
}

/** Reads arguments and dictionary, and checks the input matrix header; the reader stops at the matrix data. */
function readContents(reader: BinaryReader): BinContents {
  const args = readHeader(reader);
  const size = reader.int32('the dictionary size');
  const nwords = reader.int32('the word count');
  reader.int32('the label count');
  reader.int64('the token count');
  const pruned = reader.int64('the pruned index size');
  if (size < 0 || nwords < 0 || nwords > size) reader.fail(`a dictionary of ${size} entries with ${nwords} words`);
  const words: string[] = [];
  const counts: number[] = [];
  for (let i = 0; i < size; i++) {
    const word = reader.until(0, 1 << 16, `dictionary entry ${i}`).toString('utf8');
    const count = reader.int64(`the count of dictionary entry ${i}`);
    reader.uint8(`the type of dictionary entry ${i}`);
    if (i < nwords) {
      words.push(word);
      counts.push(count);
    }
  }
  if (pruned > 0) reader.skip(pruned * 8, 'the pruned index');
  if (reader.uint8('the quantisation flag') !== 0) reader.fail('a quantised (.ftz) model, which is not supported; use the full .bin');
  const rows = reader.int64('the input matrix rows');
  const dim = reader.int64('the input matrix columns');
  if (dim !== args.dim || rows !== nwords + args.bucket) reader.fail(`an input matrix of ${rows} x ${dim}, expected ${nwords + args.bucket} x ${args.dim}`);
  if (reader.offset + rows * dim * 4 > reader.size) reader.fail(`a truncated input matrix (needs ${rows * dim * 4} bytes)`);
  return { args, words, counts, nwords, rows, dim, matrixStart: reader.offset };
}

/** Loads the vectors of `tokens` from a fastText .bin; tokens outside its vocabulary get n-gram vectors. Only the rows needed are read. */
export function loadFastTextBin(file: string, tokens: readonly string[]): PretrainedVectors {
  const reader = new BinaryReader(file);
  try {
    const { args, words, nwords, dim, matrixStart } = readContents(reader);
    const ids = new Map(words.map((word, i) => [word, i]));
    const rowAt = (row: number) => {
      reader.offset = matrixStart + row * dim * 4;
      return reader.floats(dim, `input row ${row}`);
    };
    const vectors = new Map<string, Float32Array>();
    for (const token of new Set(tokens)) {
      const id = ids.get(token);
      // fastText gives the end-of-line token no n-grams.
      const buckets = token !== END_OF_LINE && args.maxn > 0 && args.bucket > 0 ? ngramBuckets(token, args.minn, args.maxn, args.bucket).map((b) => nwords + b) : [];
      const rowIds = id === undefined ? buckets : [id, ...buckets];
      if (rowIds.length === 0) continue;
      const vector = new Float32Array(dim);
      for (const row of rowIds) rowAt(row).forEach((value, k) => (vector[k] += value / rowIds.length));
      vectors.set(token, vector);
    }
    return { dim, method: `fastText .bin (dim ${dim}, minn ${args.minn}, maxn ${args.maxn})`, vectors };
  } finally {
    reader.close();
  }
}

/** Loads a whole fastText .bin as a word model (for our own, small models: detection of new logs). */
export function loadFastTextModel(file: string): WordModel {
  const reader = new BinaryReader(file);
  try {
    const { args, words, counts, rows, dim } = readContents(reader);
    const input = reader.floats(rows * dim, 'the input matrix');
    const total = counts.reduce((a, b) => a + b, 0);
    const params = { model: args.model === MODEL.cbow ? 'cbow' : 'skipgram', dim, ws: args.ws, epoch: args.epoch, min_count: args.minCount, neg: args.neg, lr: 0, t: 0, minn: args.minn, maxn: args.maxn, bucket: args.bucket, line_vector: 'mean', sif_a: 0, threads: 1, pretrained: null } as const;
    return { params, vocabulary: { words, counts: Float64Array.from(counts), index: new Map(words.map((w, i) => [w, i])), totalTokens: total }, dim, input, output: new Float32Array(0) };
  } finally {
    reader.close();
  }
}
