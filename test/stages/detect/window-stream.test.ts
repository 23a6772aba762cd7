// Count windows over a stream, per entity, with a tail window for uncovered lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WindowStream } from '../../../src/stages/detect/window-stream.js';

function collect(size: number, stride: number, lines: [string, number][]) {
  const stream = new WindowStream<number>(size, stride);
  const windows = lines.map(([entity, item]) => stream.push({ entity, item })).filter((w) => w !== null);
  return { windows: windows.map((w) => [w!.entity, w!.offset, w!.items]), tails: stream.flush().map((w) => [w.entity, w.offset, w.items]) };
}

test('windows of 4 every 2 lines, and a tail for the uncovered last line', () => {
  const { windows, tails } = collect(4, 2, [0, 1, 2, 3, 4, 5, 6].map((i) => ['a', i]));
  assert.deepEqual(windows, [['a', 0, [0, 1, 2, 3]], ['a', 2, [2, 3, 4, 5]]]);
  assert.deepEqual(tails, [['a', 3, [3, 4, 5, 6]]]);
});

test('no tail when the last window ends on the last line', () => {
  const { windows, tails } = collect(4, 2, [0, 1, 2, 3, 4, 5].map((i) => ['a', i]));
  assert.equal(windows.length, 2);
  assert.deepEqual(tails, []);
});

test('entities are windowed separately, and a short entity gets one short window', () => {
  const { windows, tails } = collect(3, 3, [['a', 0], ['b', 100], ['a', 1], ['a', 2], ['b', 101]]);
  assert.deepEqual(windows, [['a', 0, [0, 1, 2]]]);
  assert.deepEqual(tails, [['b', 0, [100, 101]]]);
});
