// Windows and splits: per entity, chronological, no window crossing a split boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitWindows, windowLabels, windowsOf } from '../../../src/stages/train/windows.js';
import { tinyInputs, tinyParams } from './helpers.js';

test('count windows cover every line, with a tail window, and stay inside one entity', () => {
  const { corpus } = tinyInputs(20, 1);
  const windows = windowsOf(Uint32Array.from({ length: 20 }, (_, i) => i), corpus, tinyParams().windows);
  assert.deepEqual(windows.map((w) => [w[0], w[w.length - 1]]), [[0, 7], [4, 11], [8, 15], [12, 19]]);
  const tail = windowsOf(Uint32Array.from({ length: 18 }, (_, i) => i), corpus, tinyParams().windows);
  assert.deepEqual(tail.map((w) => [w[0], w[w.length - 1]]), [[0, 7], [4, 11], [8, 15], [10, 17]]);
});

test('the chronological split cuts each entity at 60% and 80% before windowing', () => {
  const inputs = tinyInputs(100, 2);
  const split = splitWindows(inputs.corpus, tinyParams().windows, tinyParams().split, 1);
  for (const [name, lo, hi] of [['train', 0, 60], ['validation', 60, 80], ['test', 80, 100]] as const) {
    for (const window of split[name]) {
      const local = [...window.lines].map((i) => i % 100);
      assert.ok(local.every((i) => i >= lo && i < hi), `${name} window ${local} inside [${lo}, ${hi})`);
      assert.ok(new Set([...window.lines].map((i) => Math.floor(i / 100))).size === 1, 'one entity');
    }
  }
  const labelled = split.test.filter((w) => windowLabels(w, inputs.corpus).length > 0).map((w) => w.lines[0] % 100);
  assert.deepEqual(labelled, [84, 88, 92, 84, 88, 92], 'windows over the labelled burst at 90..95 carry its class');
});

test('time windows break on the span and on the size', () => {
  const inputs = tinyInputs(10, 1);
  const ts = Float64Array.from({ length: 10 }, (_, i) => (i < 5 ? i * 1000 : 600_000 + i * 1000));
  const corpus = { ...inputs.corpus, ts };
  const windows = windowsOf(Uint32Array.from({ length: 10 }, (_, i) => i), corpus, { ...tinyParams().windows, mode: 'time', time_span: '1m', size: 4 });
  assert.deepEqual(windows.map((w) => [...w]), [[0, 1, 2, 3], [4], [5, 6, 7, 8], [9]]);
});
