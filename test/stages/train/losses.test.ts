// Supervised class weights: the square root of a class's negatives-to-positives ratio, capped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positiveWeight } from '../../../src/stages/train/losses.js';

test('a class gets the square root of its negatives-to-positives ratio as its positive weight', () => {
  assert.equal(positiveWeight(1, 101), 10);
  assert.equal(positiveWeight(4, 404), 10);
  assert.equal(positiveWeight(50, 100), 1);
});

test('a rare or absent class is weighted at most 50', () => {
  assert.equal(positiveWeight(1, 10_000), 50);
  assert.equal(positiveWeight(0, 400), 20);
  assert.equal(positiveWeight(0, 1_000_000), 50);
});
