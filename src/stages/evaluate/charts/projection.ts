// 2-D projection of test windows' [CLS] vectors for embedding_projection.png: UMAP (umap-js,
// seeded) when there are enough points, else PCA by power iteration; the result says which and why.
import { UMAP } from 'umap-js';
import type { ProjectionParams } from '../params.js';
import { thinIndexes } from '../curves.js';

export interface Projection {
  readonly points: { x: number; y: number; label: string }[];
  readonly method: 'umap' | 'pca' | 'none';
  /** Why the method differs from the configured one, or why there is nothing to show. */
  readonly note: string | null;
}

/** mulberry32: deterministic uniform numbers in [0, 1) for UMAP's random choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function normalised(v: number[], exclude: number[] | null): number[] {
  const along = exclude ? dot(v, exclude) : 0;
  const orthogonal = exclude ? v.map((x, i) => x - along * exclude[i]) : v;
  const norm = Math.sqrt(dot(orthogonal, orthogonal));
  return norm === 0 ? orthogonal : orthogonal.map((x) => x / norm);
}

/** Top principal direction of centred rows, orthogonal to `exclude`, by power iteration. */
function principalDirection(rows: number[][], exclude: number[] | null): number[] {
  const dim = rows[0].length;
  const scale = rows.reduce((total, row) => total + dot(row, row), 0);
  let v = normalised(Array.from({ length: dim }, (_, i) => 1 / Math.sqrt(dim) + (i % 2 ? 1e-3 : -1e-3)), exclude);
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Array<number>(dim).fill(0);
    for (const row of rows) {
      const projection = dot(row, v);
      for (let i = 0; i < dim; i++) next[i] += projection * row[i];
    }
    const candidate = normalised(next, exclude);
    // No variance left in the remaining directions (e.g. points on a line): any orthogonal v will do.
    if (Math.sqrt(dot(next, next)) <= 1e-12 * scale || dot(candidate, candidate) === 0) return v;
    v = normalised(candidate, exclude);
  }
  return v;
}

export function pca2(vectors: readonly (readonly number[])[]): [number, number][] {
  const dim = vectors[0].length;
  const mean = new Array<number>(dim).fill(0);
  for (const row of vectors) for (let i = 0; i < dim; i++) mean[i] += row[i] / vectors.length;
  const centred = vectors.map((row) => row.map((x, i) => x - mean[i]));
  const first = principalDirection(centred, null);
  const second = principalDirection(centred, first);
  return centred.map((row) => [dot(row, first), dot(row, second)]);
}

export function projectVectors(vectors: readonly (readonly number[])[], labels: readonly string[], params: ProjectionParams): Projection {
  if (vectors.length < 3) {
    return { points: [], method: 'none', note: `only ${vectors.length} [CLS] vectors in the test scores: nothing to project` };
  }
  const keep = thinIndexes(vectors.length, params.max_points);
  const sample = keep.map((i) => [...vectors[i]]);
  const sampleLabels = keep.map((i) => labels[i]);
  const sampled = keep.length < vectors.length ? `${keep.length} of ${vectors.length} windows shown` : null;
  let coordinates: number[][];
  let method: Projection['method'] = params.method;
  let note: string | null = sampled;
  if (params.method === 'umap' && sample.length >= params.min_points_umap) {
    const umap = new UMAP({ nComponents: 2, nNeighbors: Math.min(params.n_neighbors, sample.length - 1), minDist: params.min_dist, nEpochs: params.n_epochs, random: seededRandom(params.seed) });
    coordinates = umap.fit(sample);
  } else {
    if (params.method === 'umap') note = [`PCA instead of UMAP: ${sample.length} points is fewer than ${params.min_points_umap}`, sampled].filter(Boolean).join('; ');
    method = 'pca';
    coordinates = pca2(sample);
  }
  return { points: coordinates.map(([x, y], i) => ({ x, y, label: sampleLabels[i] })), method, note };
}
