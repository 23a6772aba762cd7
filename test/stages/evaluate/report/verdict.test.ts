// The report's one-sentence verdict: the best embedder, and its figures as windows caught and
// false alarms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateEmbedder } from '../../../../src/stages/evaluate/evaluate-embedder.js';
import { verdict } from '../../../../src/stages/evaluate/report/verdict.js';
import type { SplitScores } from '../../../../src/io/scores-file.js';

const split = (name: 'validation' | 'test', mode: SplitScores['mode'], scores: number[], labels: number[][]): SplitScores => ({
  schema: 1, split: name, embedder: 'e', mode, classes: ['brute_force'],
  windows: { start: scores.map((_, i) => i), end: scores.map((_, i) => i + 1), entity: scores.map(() => 'u'), score: scores, class_scores: scores.map((s) => [s]), labels },
  lines: { index: scores.map((_, i) => i), score: scores, labels },
  thresholds: { window: 0.5, line: 0.5, classes: [0.5] },
});

function evaluated(embedder: string, mode: SplitScores['mode'], testScores: number[]) {
  const labels = [[], [0], [0], [], []];
  return evaluateEmbedder({ embedder, validation: split('validation', mode, [0.1, 0.9, 0.8, 0.2, 0.3], labels), test: split('test', mode, testScores, labels) }, false, 100);
}

test('the verdict names the embedder with the best window F1 and counts what it caught', () => {
  const weak = evaluated('word2vec', 'unsupervised', [0.6, 0.9, 0.4, 0.1, 0.7]);
  const strong = evaluated('fasttext', 'unsupervised', [0.6, 0.9, 0.8, 0.1, 0.2]);
  assert.equal(verdict([weak, strong]), 'Best on the test split: fasttext (window F1 0.800, AUC-ROC 1.000) flags 2 of the 2 anomalous windows, with 1 false alarm among 3 normal ones.');
  assert.equal(verdict([]), null);
});

test('a single supervised model is described by its macro F1 over classes as well', () => {
  const only = evaluated('logbert', 'supervised', [0.1, 0.9, 0.4, 0.1, 0.2]);
  assert.equal(verdict([only]), 'On the test split, logbert (macro F1 over classes 0.667, window F1 0.667, AUC-ROC 1.000) flags 1 of the 2 anomalous windows, with 0 false alarms among 3 normal ones.');
});
