// Time features: presence, log-scaled gap to the window's previous line, and time of day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TIME_FEATURES, writeTimeFeatures } from '../../../src/stages/train/time-features.js';

const round = (values: Float32Array) => Array.from(values, (v) => Math.round(v * 1e4) / 1e4);

test('gap and time of day of each line; the first line of a window has no gap', () => {
  const six = Date.UTC(2026, 0, 5, 6);
  const ts = Float64Array.from([six, six + 1000, six + 86400e3 * 2]);
  const out = new Float32Array(3 * TIME_FEATURES);
  writeTimeFeatures(ts, [0, 1, 2], 3, out, 0);
  const daySeconds = Math.log1p(86400);
  assert.deepEqual(round(out), round(Float32Array.from([
    1, 0, 1, 0, // 06:00: sin 1, cos 0
    1, Math.log1p(1) / daySeconds, Math.sin((2 * Math.PI * (6 + 1 / 3600)) / 24), Math.cos((2 * Math.PI * (6 + 1 / 3600)) / 24),
    1, 1, 1, 0, // two days later: the gap is capped at one day
  ])));
});

test('lines without a time get zeros and give the next line no gap; the offset is respected', () => {
  const noon = Date.UTC(2026, 0, 5, 12);
  const ts = Float64Array.from([Number.NaN, noon, noon + 60e3]);
  const out = new Float32Array(4 * TIME_FEATURES).fill(9);
  out.fill(0, TIME_FEATURES);
  writeTimeFeatures(ts, [0, 1, 2], 3, out, TIME_FEATURES);
  assert.deepEqual(round(out.subarray(0, TIME_FEATURES)), [9, 9, 9, 9]);
  assert.deepEqual(round(out.subarray(TIME_FEATURES, 2 * TIME_FEATURES)), [0, 0, 0, 0]);
  assert.deepEqual(round(out.subarray(2 * TIME_FEATURES, 3 * TIME_FEATURES)), [1, 0, 0, -1]);
  assert.deepEqual(round(out.subarray(3 * TIME_FEATURES)), round(Float32Array.from([1, Math.log1p(60) / Math.log1p(86400), Math.sin((2 * Math.PI * (12 + 1 / 60)) / 24), Math.cos((2 * Math.PI * (12 + 1 / 60)) / 24)])));
});
