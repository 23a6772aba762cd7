// Token and line vectors from a trained or loaded word model. A fastText model gives any token a
// vector from its character n-grams; Word2Vec knows only its vocabulary. A line vector is the mean
// (or SIF-weighted mean) of its tokens' vectors; a line with no known token is a zero vector.
import { ngramBuckets } from '../fasttext/subwords.js';
import type { WordModel } from './trainer.js';
import { tokenizeMasked } from './tokenize.js';

/** Adds the vector of `token` into `target` (scaled by `weight`); false when the model has none. */
export function addTokenVector(model: WordModel, token: string, target: Float32Array, weight: number): boolean {
  const { dim, input, vocabulary, params } = model;
  const id = vocabulary.index.get(token);
  const rows: number[] = id === undefined ? [] : [id];
  if (params.maxn > 0 && params.bucket > 0 && id !== 0) rows.push(...ngramBuckets(token, params.minn, params.maxn, params.bucket).map((b) => vocabulary.words.length + b));
  if (rows.length === 0) return false;
  const scale = weight / rows.length;
  for (const row of rows) for (let k = 0; k < dim; k++) target[k] += input[row * dim + k] * scale;
  return true;
}

export function tokenVector(model: WordModel, token: string): Float32Array | null {
  const vector = new Float32Array(model.dim);
  return addTokenVector(model, token, vector, 1) ? vector : null;
}

export interface LineVectors {
  readonly vectors: Float32Array;
  readonly dim: number;
  /** Lines none of whose tokens has a vector. */
  readonly zeroLines: number;
}

/** Where line vectors get their token vectors: a trained model or pre-trained vectors. */
export interface TokenVectorSource {
  readonly dim: number;
  /** Adds the token's vector times `weight` into `target`; false when there is none. */
  add(token: string, target: Float32Array, weight: number): boolean;
  /** The token's share of the corpus, for SIF weights. */
  probability(token: string): number;
}

export function modelSource(model: WordModel): TokenVectorSource {
  const { vocabulary } = model;
  return {
    dim: model.dim,
    add: (token, target, weight) => addTokenVector(model, token, target, weight),
    probability: (token) => (vocabulary.counts[vocabulary.index.get(token) ?? -1] ?? 0) / vocabulary.totalTokens,
  };
}

export function mapSource(dim: number, vectors: ReadonlyMap<string, Float32Array>, probability: (token: string) => number): TokenVectorSource {
  return {
    dim,
    add(token, target, weight) {
      const vector = vectors.get(token);
      if (!vector) return false;
      for (let k = 0; k < dim; k++) target[k] += vector[k] * weight;
      return true;
    },
    probability,
  };
}

export function lineVectors(source: TokenVectorSource, lines: readonly string[], weighting: 'mean' | 'sif', sifA: number): LineVectors {
  const { dim } = source;
  const vectors = new Float32Array(lines.length * dim);
  const line = new Float32Array(dim);
  let zeroLines = 0;
  lines.forEach((text, row) => {
    line.fill(0);
    let weights = 0;
    for (const token of tokenizeMasked(text)) {
      const weight = weighting === 'sif' ? sifA / (sifA + source.probability(token)) : 1;
      if (source.add(token, line, weight)) weights += weight;
    }
    if (weights === 0) zeroLines++;
    else for (let k = 0; k < dim; k++) vectors[row * dim + k] = line[k] / weights;
  });
  return { vectors, dim, zeroLines };
}
