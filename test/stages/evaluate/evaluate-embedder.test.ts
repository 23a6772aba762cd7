// Tests of one embedder's evaluation: threshold modes (model vs F1-optimal on validation, and a
// supervised class with too few validation examples keeping the model's),
// window and line metrics, classes absent from test, and errors on malformed scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateEmbedder } from '../../../src/stages/evaluate/evaluate-embedder.js';
import { marginedF1Threshold } from '../../../src/stages/evaluate/metrics/threshold.js';
import { syntheticEmbedder, syntheticScores } from './synthetic-scores.js';
import type { SplitScores } from '../../../src/io/scores-file.js';

const handmade = (split: 'validation' | 'test', scores: number[], labels: number[][], thresholds = { window: 0.5, line: 0.5, classes: [0.5] }): SplitScores => ({
  schema: 1, split, embedder: 'word2vec', mode: 'supervised', classes: ['brute_force'],
  windows: { start: scores.map((_, i) => i), end: scores.map((_, i) => i + 1), entity: scores.map(() => 'u'), score: scores, class_scores: scores.map((s) => [s]), labels },
  lines: { index: scores.map((_, i) => i), score: scores, labels },
  thresholds,
});

test('model thresholds by default; F1-optimal thresholds from validation, with a margin below, when asked', () => {
  const validation = handmade('validation', [0.1, 0.3, 0.35, 0.8], [[], [0], [], [0]]);
  const testSplit = handmade('test', [0.15, 0.32, 0.6, 0.9], [[], [0], [0], []]);
  const byModel = evaluateEmbedder({ embedder: 'word2vec', validation, test: testSplit }, false, 100);
  assert.equal(byModel.thresholds.mode, 'model');
  assert.equal(byModel.window.threshold, 0.5);
  assert.deepEqual(byModel.window.binary.confusion, { tn: 1, fp: 1, fn: 1, tp: 1 });
  const optimised = evaluateEmbedder({ embedder: 'word2vec', validation, test: testSplit }, true, 100);
  assert.equal(optimised.thresholds.mode, 'f1_optimal_on_validation');
  // Validation: threshold 0.3 flags 0.3, 0.35, 0.8 -> P 2/3, R 1, F1 0.8 (the best), placed midway
  // down to the next validation score, 0.1. The class, with two positive windows, keeps the model's.
  assert.deepEqual(optimised.thresholds.applied, { window: 0.2, line: 0.2, classes: [0.5] });
  assert.deepEqual(optimised.thresholds.notes, ["class brute_force: 2 positive validation windows, fewer than the 20 a fitted threshold needs; the model's threshold 0.5 is kept"]);
  assert.equal(optimised.thresholds.validation_f1?.window, 0.8);
  assert.deepEqual(optimised.window.binary.confusion, { tn: 1, fp: 1, fn: 0, tp: 2 });
  assert.equal(optimised.window.binary.f1, 0.8);
  assert.equal(optimised.window.binary.auc_roc, 0.5);
  assert.deepEqual(optimised.thresholds.model, { window: 0.5, line: 0.5, classes: [0.5] });
});

test('an unsupervised model\'s class thresholds are fitted to validation however few its positive windows', () => {
  const validation = { ...handmade('validation', [0.1, 0.3, 0.35, 0.8], [[], [0], [], [0]]), mode: 'unsupervised' as const };
  const testSplit = { ...handmade('test', [0.15, 0.32, 0.6, 0.9], [[], [0], [0], []]), mode: 'unsupervised' as const };
  const optimised = evaluateEmbedder({ embedder: 'word2vec', validation, test: testSplit }, true, 100);
  assert.deepEqual(optimised.thresholds.applied.classes, [0.2]);
  assert.deepEqual(optimised.thresholds.notes, []);
});

test('optimised class thresholds are the margined F1-optimal ones on validation where it has 20 positive windows, else the model\'s; a class absent from test is reported as such', () => {
  // 34, 17 and 13 positive validation windows for the three classes.
  const scores = { ...syntheticEmbedder('fasttext', 7), validation: syntheticScores({ split: 'validation', seed: 7, windows: 150 }) };
  const result = evaluateEmbedder(scores, true, 50);
  const classTruth = scores.validation.windows.labels.map((ids) => ids.includes(0));
  const expected = marginedF1Threshold(classTruth, scores.validation.windows.class_scores.map((row) => row[0]));
  assert.notEqual(expected?.threshold, 0.5);
  assert.deepEqual(result.thresholds.applied.classes, [expected?.threshold, 0.5, 0.5]);
  assert.deepEqual(result.thresholds.notes, [
    "class impossible_travel: 17 positive validation windows, fewer than the 20 a fitted threshold needs; the model's threshold 0.5 is kept",
    "class off_hours: 13 positive validation windows, fewer than the 20 a fitted threshold needs; the model's threshold 0.5 is kept",
  ]);
  const absent = result.window.per_class[2];
  assert.deepEqual([absent.class, absent.support, absent.status, absent.precision, absent.recall, absent.f1, absent.auc_roc, absent.auc_pr], ['off_hours', 0, 'no positive examples', null, null, null, null, null]);
  assert.deepEqual(result.window.macro.excluded_classes, ['off_hours']);
  assert.equal(result.line.per_class[2].status, 'no positive examples');
  assert.equal(result.window.count, 60);
  assert.equal(result.line.count, 240);
  const support = result.window.per_class[0].support + result.window.per_class[1].support;
  assert.equal(result.window.micro.support, support);
  assert.ok((result.window.curves.overall.roc?.fpr.length ?? 0) <= 50);
});

test('a class missing from validation keeps the model threshold, with a note', () => {
  // 29, 0 and 13 positive validation windows.
  const validation = syntheticScores({ split: 'validation', seed: 3, absentClasses: [1], windows: 150 });
  const result = evaluateEmbedder({ embedder: 'fasttext', validation, test: syntheticScores({ split: 'test', seed: 4 }) }, true, 50);
  assert.equal(result.thresholds.applied.classes[1], 0.5);
  assert.deepEqual(result.thresholds.notes, [
    "class impossible_travel: validation has no positive examples; the model's threshold 0.5 is kept",
    "class off_hours: 13 positive validation windows, fewer than the 20 a fitted threshold needs; the model's threshold 0.5 is kept",
  ]);
  assert.equal(result.thresholds.validation_f1?.classes[1], null);
});

test('malformed scores give one line naming the file and the field', () => {
  const validation = handmade('validation', [0.1, 0.2], [[], [0]]);
  const broken = { ...handmade('test', [0.1, 0.2], [[], [0]]) };
  (broken.windows.score as number[])[1] = Number.NaN;
  assert.throws(() => evaluateEmbedder({ embedder: 'logbert', validation, test: broken }, false, 10), {
    name: 'PipelineError', message: 'logbert scores-test.json: field windows.score[1]: NaN is not a finite number; retrain that model (run-pipeline train with its --embedding_type and --force_restart) to rewrite it',
  });
  const otherClasses = { ...handmade('test', [0.1, 0.2], [[], [0]]), classes: ['x'] };
  assert.throws(() => evaluateEmbedder({ embedder: 'logbert', validation, test: otherClasses }, false, 10), { message: /logbert: scores-validation.json and scores-test.json list different classes/ });
});
