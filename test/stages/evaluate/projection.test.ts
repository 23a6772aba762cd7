// Tests of the [CLS] projection: PCA values, the PCA fallback for few points (and its note),
// seeded UMAP giving identical coordinates, and the empty case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pca2, projectVectors } from '../../../src/stages/evaluate/charts/projection.js';
import { DEFAULT_EVALUATE_PARAMS } from '../../../src/stages/evaluate/params.js';
import { prng } from './synthetic-scores.js';

const params = DEFAULT_EVALUATE_PARAMS.projection;

test('PCA puts points on a line onto the first component, scaled by the line length', () => {
  const t = [0, 1, 2, 3, 4];
  const projected = pca2(t.map((v) => [v, 2 * v, 0]));
  projected.forEach(([first, second], i) => {
    assert.ok(Math.abs(Math.abs(first) - Math.abs(t[i] - 2) * Math.sqrt(5)) < 1e-9, `first component of point ${i}: ${first}`);
    assert.ok(Math.abs(second) < 1e-9, `second component of point ${i}: ${second}`);
  });
});

test('fewer points than min_points_umap fall back to PCA and say so', () => {
  const random = prng(3);
  const vectors = Array.from({ length: 10 }, () => Array.from({ length: 4 }, random));
  const result = projectVectors(vectors, vectors.map(() => 'normal'), params);
  assert.equal(result.method, 'pca');
  assert.equal(result.note, 'PCA instead of UMAP: 10 points is fewer than 30');
  assert.equal(result.points.length, 10);
  assert.deepEqual(projectVectors(vectors.slice(0, 2), ['a', 'b'], params), { points: [], method: 'none', note: 'only 2 [CLS] vectors in the test scores: nothing to project' });
});

test('seeded UMAP gives the same coordinates twice, and samples down to max_points', () => {
  const random = prng(4);
  const vectors = Array.from({ length: 60 }, (_, i) => Array.from({ length: 6 }, () => random() + (i % 2) * 3));
  const labels = vectors.map((_, i) => (i % 2 ? 'attack' : 'normal'));
  const small = { ...params, max_points: 40, n_epochs: 50 };
  const first = projectVectors(vectors, labels, small);
  assert.equal(first.method, 'umap');
  assert.equal(first.points.length, 40);
  assert.equal(first.note, '40 of 60 windows shown');
  assert.deepEqual(projectVectors(vectors, labels, small), first);
});
