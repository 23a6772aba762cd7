// Tests of the chart specifications' data: the PR outline encloses exactly the average
// precision, matrices come in a fixed order, and undefined metrics are left out, not drawn as 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averagePrecisionScore, precisionRecallCurve } from '../../../src/stages/evaluate/metrics/ranking.js';
import { comparisonSpec, confusionSpec, stepPoints } from '../../../src/stages/evaluate/charts/specs.js';
import { evaluateEmbedder } from '../../../src/stages/evaluate/evaluate-embedder.js';
import { prng, syntheticEmbedder } from './synthetic-scores.js';

const size = { width: 300, height: 200 };
const data = (spec: object) => (spec as { data: { values: Record<string, unknown>[] } }).data.values;

test('the drawn precision-recall steps enclose exactly the average precision', () => {
  const random = prng(11);
  const truth = Array.from({ length: 300 }, () => random() < 0.3);
  const scores = truth.map((t) => Math.round((random() + (t ? 0.4 : 0)) * 20) / 20);
  const points = stepPoints(precisionRecallCurve(truth, scores)!);
  let area = 0;
  for (let i = 0; i < points.length - 1; i++) area += (points[i].x - points[i + 1].x) * points[i].y;
  assert.ok(Math.abs(area - averagePrecisionScore(truth, scores)!) < 1e-12);
  assert.ok(points.every((p, i) => i === 0 || p.x < points[i - 1].x), 'one point per recall');
});

test('confusion matrices: window, line, then classes; a class without positives is marked', () => {
  const e = evaluateEmbedder(syntheticEmbedder('fasttext', 1), false, 50);
  const rows = data(confusionSpec(e, size));
  assert.deepEqual([...new Set(rows.map((r) => r.matrix))], ['anomaly (window)', 'anomaly (line)', 'brute_force', 'impossible_travel', 'off_hours (no positives)']);
  const windowTp = rows.find((r) => r.matrix === 'anomaly (window)' && r.actual === 'positive' && r.predicted === 'positive');
  assert.equal(windowTp?.count, e.window.binary.confusion.tp);
});

test('the comparison leaves out undefined metrics instead of drawing 0', () => {
  const e = evaluateEmbedder(syntheticEmbedder('fasttext', 1), false, 50);
  const undefinedAuc = { ...e, window: { ...e.window, binary: { ...e.window.binary, auc_roc: null } } };
  const rows = data(comparisonSpec([e, undefinedAuc as typeof e], ['logbert'], size));
  assert.equal(rows.length, 9);
  assert.deepEqual(rows.filter((r) => r.metric === 'AUC-ROC').length, 1);
});
