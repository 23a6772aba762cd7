// Count windows over a stream, per entity, with a tail window for uncovered lines, and with context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WindowStream } from '../../../src/stages/detect/window-stream.js';
import { partWindows } from '../../../src/stages/train/windows.js';
import { tinyInputs, tinyParams } from '../train/helpers.js';

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

test('with context, the stream gives the windows and context that training cuts from the same lines', () => {
  const { corpus } = tinyInputs(40, 1);
  const params = { ...tinyParams().windows, context: 3 };
  for (const length of [3, 8, 11, 12, 18, 20, 40]) {
    const lines = Uint32Array.from({ length }, (_, i) => i);
    const expected = partWindows('e0', lines, corpus, params).map((w) => [w.lines[0], [...w.context!.before], [...w.lines], [...w.context!.after]]);
    const stream = new WindowStream<number>(params.size, params.stride, params.context);
    const pushed = [...lines].map((item) => stream.push({ entity: 'e0', item })).filter((w) => w !== null);
    const actual = [...pushed, ...stream.flush()].map((w) => [w!.offset, w!.before, w!.items, w!.after]);
    assert.deepEqual(actual, expected, `${length} lines`);
  }
});
