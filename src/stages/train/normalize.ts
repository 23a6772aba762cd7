// Standardises line vectors per dimension (mean 0, variance 1 over the corpus lines). Averaged
// token vectors of different lines are very alike (cosine ~0.9); removing the shared component lets
// the model tell lines apart. The same statistics are applied to new logs at detection.

export interface Normalization {
  readonly mean: number[];
  readonly std: number[];
}

export function normalizationOf(vectors: Float32Array, rows: Uint32Array, dim: number): Normalization {
  const mean = new Float64Array(dim);
  const square = new Float64Array(dim);
  for (const row of rows) {
    for (let k = 0; k < dim; k++) {
      const v = vectors[row * dim + k];
      mean[k] += v;
      square[k] += v * v;
    }
  }
  const n = Math.max(1, rows.length);
  const meanValues = Array.from(mean, (s) => s / n);
  return { mean: meanValues, std: Array.from(square, (s, k) => Math.sqrt(Math.max(s / n - meanValues[k] ** 2, 0)) + 1e-6) };
}

export function normalize(vectors: Float32Array, dim: number, normalization: Normalization): Float32Array {
  return normalizeInPlace(Float32Array.from(vectors), dim, normalization);
}

/** Standardises the vectors where they lie (training's table of every distinct line is not copied). */
export function normalizeInPlace(vectors: Float32Array, dim: number, normalization: Normalization): Float32Array {
  for (let i = 0; i < vectors.length; i++) vectors[i] = (vectors[i] - normalization.mean[i % dim]) / normalization.std[i % dim];
  return vectors;
}
