// Tests of the report's top windows: order, cut-off long windows, line flags, true and predicted classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topWindowPositions, topWindows } from '../../../src/stages/evaluate/report/top-windows.js';
import type { SplitScores } from '../../../src/io/scores-file.js';

const scores: SplitScores = {
  schema: 1, split: 'test', embedder: 'fasttext', mode: 'supervised', classes: ['a', 'b'],
  windows: { start: [10, 20, 30], end: [13, 23, 35], entity: ['u1', 'u2', 'u3'], score: [0.5, 0.9, 0.5], class_scores: [[0.1, 0.9], [0.8, 0.7], [0, 0]], labels: [[1], [0], []] },
  lines: { index: [20, 21, 22], score: [0.2, 0.95, 0.4], labels: [[], [0], []] },
  thresholds: { window: 0.6, line: 0.9, classes: [0.75, 0.5] },
};

test('windows come by decreasing score, ties in window order', () => {
  assert.deepEqual(topWindowPositions([0.5, 0.9, 0.5, 0.1], 3), [1, 0, 2]);
});

test('top windows carry line text, flags, and true vs predicted classes', async () => {
  const asked: number[][] = [];
  const shown = await topWindows(scores, scores.thresholds, {
    count: 3, maxLines: 4,
    lineText: async (indices) => {
      asked.push(indices);
      return new Map(indices.filter((i) => i !== 22).map((i) => [i, { source: 's.log', line: i + 1, text: `line ${i}` }]));
    },
  });
  assert.deepEqual(asked, [[10, 11, 12, 20, 21, 22, 30, 31, 32, 33]]);
  assert.deepEqual(shown.map((w) => [w.rank, w.entity, w.trueClasses, w.predictedClasses, w.predictedAnomalous, w.hiddenLines]), [
    [1, 'u2', ['a'], ['a', 'b'], true, 0],
    [2, 'u1', ['b'], ['b'], false, 0],
    [3, 'u3', [], [], false, 1],
  ]);
  assert.deepEqual(shown[0].lines, [
    { index: 20, where: 's.log:21', text: 'line 20', score: 0.2, trueClasses: [], flagged: false },
    { index: 21, where: 's.log:22', text: 'line 21', score: 0.95, trueClasses: ['a'], flagged: true },
    { index: 22, where: '#22', text: '(line text unavailable)', score: 0.4, trueClasses: [], flagged: false },
  ]);
  assert.equal(shown[1].lines[0].score, null);
});
