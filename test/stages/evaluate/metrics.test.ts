// Checks every metric against scikit-learn's values, computed once by
// test/fixtures/evaluate/make_sklearn_fixtures.py and committed as JSON (to 1e-9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve } from '../../../src/stages/evaluate/metrics/ranking.js';
import { binaryMetrics, macroAverage, microAverage, subsetAccuracy } from '../../../src/stages/evaluate/metrics/classification.js';
import { f1OptimalThreshold, marginedF1Threshold, tooFewToFit } from '../../../src/stages/evaluate/metrics/threshold.js';
import { column, flatten } from '../../../src/stages/evaluate/metrics/multilabel.js';

const FIXTURE = new URL('../../../../test/fixtures/evaluate/sklearn_metrics.json', import.meta.url);
const fixtures = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
const TOLERANCE = 1e-9;

function close(actual: unknown, expected: unknown, where: string): void {
  if (expected === null || expected === undefined) {
    assert.equal(actual, null, `${where}: expected null, got ${JSON.stringify(actual)}`);
  } else if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${where}: expected a number, got ${JSON.stringify(actual)}`);
    assert.ok(Math.abs((actual as number) - expected) <= TOLERANCE, `${where}: ${actual} != ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected an array`);
    assert.equal((actual as unknown[]).length, expected.length, `${where}: length`);
    expected.forEach((value, i) => close((actual as unknown[])[i], value, `${where}[${i}]`));
  } else {
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) close((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  }
}

const bools = (values: number[]) => values.map((v) => v === 1);

test('fixtures come from scikit-learn and cover the required cases', () => {
  assert.match(fixtures.sklearn_version, /^\d+\.\d+/);
  const names = fixtures.binary.map((c: { name: string }) => c.name);
  for (const name of ['ties', 'single_class_all_negative', 'single_class_all_positive', 'random']) assert.ok(names.includes(name), name);
  assert.equal(fixtures.multilabel[0].per_class[2].support, 0);
});

for (const fixture of fixtures.binary) {
  test(`binary "${fixture.name}" matches scikit-learn`, () => {
    const yTrue = bools(fixture.y_true);
    const yPred = fixture.y_score.map((s: number) => s >= fixture.threshold);
    const m = binaryMetrics(yTrue, yPred);
    close(m.confusion, fixture.confusion, 'confusion');
    for (const key of ['accuracy', 'precision', 'recall', 'f1'] as const) close(m[key], fixture[key], key);
    assert.equal(m.status, fixture.y_true.includes(1) ? 'ok' : 'no positive examples');
    close(rocAucScore(yTrue, fixture.y_score), fixture.roc_auc, 'roc_auc');
    close(averagePrecisionScore(yTrue, fixture.y_score), fixture.average_precision, 'average_precision');
    close(rocCurve(yTrue, fixture.y_score), fixture.roc_curve, 'roc_curve');
    close(precisionRecallCurve(yTrue, fixture.y_score), fixture.pr_curve, 'pr_curve');
    close(f1OptimalThreshold(yTrue, fixture.y_score), fixture.f1_optimal, 'f1_optimal');
  });
}

for (const fixture of fixtures.multilabel) {
  test(`multi-label "${fixture.name}" matches scikit-learn per class, micro and macro`, () => {
    const yTrue: boolean[][] = fixture.y_true.map(bools);
    const yPred: boolean[][] = fixture.y_score.map((row: number[]) => row.map((s, c) => s >= fixture.thresholds[c]));
    const classes = fixture.thresholds.map((_: number, c: number) => `c${c}`);
    const perClass = classes.map((_: string, c: number) => binaryMetrics(column(yTrue, c), column(yPred, c)));
    fixture.per_class.forEach((expected: Record<string, unknown>, c: number) => {
      const m = perClass[c];
      close(m.support, expected.support, `class ${c} support`);
      close(m.confusion, expected.confusion, `class ${c} confusion`);
      for (const key of ['accuracy', 'precision', 'recall', 'f1'] as const) close(m[key], expected[key], `class ${c} ${key}`);
      close(rocAucScore(column(yTrue, c), column(fixture.y_score, c)), expected.roc_auc, `class ${c} roc_auc`);
      close(averagePrecisionScore(column(yTrue, c), column(fixture.y_score, c)), expected.average_precision, `class ${c} ap`);
      close(f1OptimalThreshold(column(yTrue, c), column<number>(fixture.y_score, c)), expected.f1_optimal, `class ${c} f1_optimal`);
    });
    assert.equal(perClass[2].status, 'no positive examples');
    close(microAverage(perClass), fixture.micro, 'micro');
    const macro = macroAverage(perClass, classes);
    close(macro, { precision: fixture.macro.precision, recall: fixture.macro.recall, f1: fixture.macro.f1 }, 'macro');
    assert.deepEqual(macro.excluded_classes, ['c2']);
    close(subsetAccuracy(yTrue, yPred), fixture.subset_accuracy, 'subset accuracy');
    close(rocAucScore(flatten(yTrue), flatten<number>(fixture.y_score)), fixture.micro_roc_auc, 'micro roc_auc');
    close(averagePrecisionScore(flatten(yTrue), flatten<number>(fixture.y_score)), fixture.micro_average_precision, 'micro ap');
    const supported: number[] = fixture.macro.labels;
    const macroAuc = supported.reduce((sum, c) => sum + (rocAucScore(column(yTrue, c), column(fixture.y_score, c)) ?? NaN), 0) / supported.length;
    close(macroAuc, fixture.macro_roc_auc, 'macro roc_auc');
  });
}

test('a class without positive examples says so instead of reporting 0', () => {
  const m = binaryMetrics([false, false], [true, false]);
  assert.deepEqual({ status: m.status, precision: m.precision, recall: m.recall, f1: m.f1, accuracy: m.accuracy }, { status: 'no positive examples', precision: null, recall: null, f1: null, accuracy: 0.5 });
  assert.deepEqual(binaryMetrics([true, false], [false, false]).notes, ['no predicted positives: precision and F1 are 0 (zero_division=0)']);
  assert.equal(rocAucScore([], []), null);
});

test('the margined threshold keeps the F1-optimal validation F1 and sits midway down to the next lower score', () => {
  const yTrue = [false, true, false, true, false];
  const yScore = [0.1, 0.6, 0.4, 0.9, 0.6];
  // F1-optimal at 0.6 (flags 0.6, 0.6, 0.9: P 2/3, R 1, F1 0.8; 0.9 alone gives 0.667); the next lower score is 0.4.
  const best = marginedF1Threshold(yTrue, yScore);
  assert.deepEqual(best && { ...best, threshold: Math.round(best.threshold * 1e9) / 1e9 }, { threshold: 0.5, f1: 0.8, precision: 2 / 3, recall: 1 });
  assert.equal(marginedF1Threshold([true, false], [0.2, 0.9])?.threshold, 0.2, 'no lower score: the F1-optimal threshold itself');
  assert.equal(marginedF1Threshold([false, false], [0.2, 0.9]), null);
});

test('a threshold is fitted to 20 or more positive validation windows, not to fewer', () => {
  const labels = (positives: number) => Array.from({ length: 30 }, (_, i) => i < positives);
  assert.equal(tooFewToFit(labels(19)), '19 positive validation windows, fewer than the 20 a fitted threshold needs');
  assert.equal(tooFewToFit(labels(20)), null);
  assert.equal(tooFewToFit(labels(0)), null, 'none at all is a case of its own');
});
