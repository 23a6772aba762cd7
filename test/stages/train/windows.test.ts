// Windows and splits: per entity, chronological, no window crossing a split boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { partWindows, readsLabelledLine, splitWindows, windowLabels, windowsOf } from '../../../src/stages/train/windows.js';
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

test('training windows may be denser than validation and test windows, still inside their split', () => {
  const inputs = tinyInputs(100, 1);
  const split = splitWindows(inputs.corpus, { ...tinyParams().windows, train_stride: 2 }, tinyParams().split, 1);
  const starts = (windows: typeof split.train) => windows.map((w) => w.lines[0]);
  assert.deepEqual(starts(split.train), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52]);
  assert.equal(split.train.at(-1)!.lines.at(-1), 59);
  assert.deepEqual([starts(split.validation), starts(split.test)], [[60, 64, 68, 72], [80, 84, 88, 92]]);
});

test('time windows break on the span and on the size', () => {
  const inputs = tinyInputs(10, 1);
  const ts = Float64Array.from({ length: 10 }, (_, i) => (i < 5 ? i * 1000 : 600_000 + i * 1000));
  const corpus = { ...inputs.corpus, ts };
  const windows = windowsOf(Uint32Array.from({ length: 10 }, (_, i) => i), corpus, { ...tinyParams().windows, mode: 'time', time_span: '1m', size: 4 });
  assert.deepEqual(windows.map((w) => [...w]), [[0, 1, 2, 3], [4], [5, 6, 7, 8], [9]]);
});

test('context lines come from each side of a window, inside its own split', () => {
  const inputs = tinyInputs(100, 1);
  const params = { ...tinyParams().windows, context: 3 };
  const split = splitWindows(inputs.corpus, params, tinyParams().split, 1);
  const spans = (windows: typeof split.train) => windows.map((w) => [[...w.context!.before], [w.lines[0], w.lines[w.lines.length - 1]], [...w.context!.after]]);
  assert.deepEqual(spans(split.validation).slice(0, 2), [[[], [60, 67], [68, 69, 70]], [[61, 62, 63], [64, 71], [72, 73, 74]]], 'none before the split starts');
  assert.deepEqual(spans(split.validation).at(-1), [[69, 70, 71], [72, 79], []], 'none after it ends');
  assert.deepEqual(spans(split.test)[1], [[81, 82, 83], [84, 91], [92, 93, 94]]);
  const labelled = split.validation.filter((w) => windowLabels(w, inputs.corpus).length > 0);
  assert.deepEqual(labelled, [], 'context lines do not label a window: the burst at 90..95 is only in test context');
});

test('session windows get no context', () => {
  const inputs = tinyInputs(20, 1);
  const session = Uint32Array.from({ length: 20 }, (_, i) => i % 2);
  const windows = partWindows('e0', Uint32Array.from({ length: 20 }, (_, i) => i), inputs.corpus, { ...tinyParams().windows, mode: 'session', context: 3 }, session);
  assert.deepEqual(windows.map((w) => [w.lines.length, w.context]), [[8, undefined], [8, undefined]]);
});

test('a random split takes no context', () => {
  const inputs = tinyInputs(100, 1);
  const split = splitWindows(inputs.corpus, { ...tinyParams().windows, context: 3 }, { ...tinyParams().split, method: 'random' }, 1);
  assert.deepEqual([...split.train, ...split.validation, ...split.test].map((w) => w.context), Array(24).fill(undefined));
});

test('a window reads a labelled line when its own lines or its context hold one', () => {
  const { corpus } = tinyInputs(120, 1);
  const span = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);
  const read = (own: [number, number], after: [number, number]) => readsLabelledLine({ entity: 'e0', lines: span(...own), context: { before: span(0, 0), after: span(...after) } }, corpus);
  assert.deepEqual([read([80, 88], [88, 90]), read([80, 88], [88, 91]), read([88, 96], [96, 98]), readsLabelledLine({ entity: 'e0', lines: span(90, 92) }, corpus)], [false, true, true, true]);
});
