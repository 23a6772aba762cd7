// The report's one-sentence verdict: the best embedder, and its figures as windows caught and
// false alarms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateEmbedder } from '../../../../src/stages/evaluate/evaluate-embedder.js';
import { verdict } from '../../../../src/stages/evaluate/report/verdict.js';
import type { SplitScores } from '../../../../src/io/scores-file.js';

const split = (name: 'validation' | 'test', mode: SplitScores['mode'], scores: number[], labels: number[][], classScores = scores): SplitScores => ({
  schema: 1, split: name, embedder: 'e', mode, classes: ['brute_force'],
  windows: { start: scores.map((_, i) => i), end: scores.map((_, i) => i + 1), entity: scores.map(() => 'u'), score: scores, class_scores: classScores.map((s) => [s]), labels },
  lines: { index: scores.map((_, i) => i), score: scores, labels },
  thresholds: { window: 0.5, line: 0.5, classes: [0.5] },
});

function evaluated(embedder: string, mode: SplitScores['mode'], testScores: number[], testClassScores = testScores) {
  const labels = [[], [0], [0], [], []];
  return evaluateEmbedder({ embedder, validation: split('validation', mode, [0.1, 0.9, 0.8, 0.2, 0.3], labels), test: split('test', mode, testScores, labels, testClassScores) }, false, 100);
}

test('the verdict names the embedder with the best window F1 and counts what it caught', () => {
  const weak = evaluated('word2vec', 'unsupervised', [0.6, 0.9, 0.4, 0.1, 0.7]);
  const strong = evaluated('fasttext', 'unsupervised', [0.6, 0.9, 0.8, 0.1, 0.2]);
  assert.equal(verdict([weak, strong]), 'Best on the test split: fasttext (window F1 0.800, AUC-ROC 1.000) flags 2 of the 2 anomalous windows, with 1 false alarm among 3 normal windows.');
  assert.equal(verdict([]), null);
});

test('a single supervised model is described by its macro F1 over classes as well', () => {
  const only = evaluated('logbert', 'supervised', [0.1, 0.9, 0.4, 0.1, 0.2]);
  assert.equal(verdict([only]), 'On the test split, logbert (macro F1 over classes 0.667, window F1 0.667, AUC-ROC 1.000) flags 1 of the 2 anomalous windows, with 0 false alarms among 3 normal windows.');
});

test('supervised and unsupervised models together are ranked by window F1, the figure they share', () => {
  // Supervised: macro F1 1.000 but window F1 0.571 (every test window flagged); unsupervised: window F1 0.800.
  const supervised = evaluated('logbert', 'supervised', [0.6, 0.9, 0.8, 0.7, 0.6], [0.1, 0.9, 0.8, 0.1, 0.2]);
  const unsupervised = evaluated('fasttext', 'unsupervised', [0.6, 0.9, 0.8, 0.1, 0.2]);
  assert.match(verdict([supervised, unsupervised])!, /^Best on the test split: fasttext \(window F1 0\.800/);
  assert.match(verdict([supervised])!, /^On the test split, logbert \(macro F1 over classes 1\.000, window F1 0\.571/);
});

test('a test split without anomalous windows ranks nothing', () => {
  const labels = [[], [], []];
  const calm = evaluateEmbedder({ embedder: 'e', validation: split('validation', 'unsupervised', [0.1, 0.9, 0.2], [[], [0], []]), test: split('test', 'unsupervised', [0.1, 0.2, 0.3], labels) }, false, 100);
  assert.equal(verdict([calm]), 'The test split holds no anomalous window, so no embedder can be ranked on it.');
});
