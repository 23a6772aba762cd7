// The moving average of the weights: its exact, bias-corrected values after each step, the trained
// weights back after it stood in for them (even when the work in between fails), a checkpoint round
// trip, and no tensor left behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf } from '../../../src/runtime/tf.js';
import { stepDecay, WeightAverage } from '../../../src/stages/train/weight-average.js';

async function setup() {
  const { tf } = await initTf('cpu');
  const weights = new Map([['w', tf.variable(tf.tensor1d([1, 2]), true)]]);
  const set = (values: number[]) => weights.get('w')!.assign(tf.tensor1d(values));
  const read = () => Array.from(weights.get('w')!.dataSync());
  return { tf, weights, set, read, average: new WeightAverage(tf, weights, 0.5) };
}

const close = (actual: Float32Array | undefined, expected: number[]) => expected.forEach((value, i) => assert.ok(Math.abs(actual![i] - value) < 1e-6, `${actual![i]} against ${value}`));

test('the decay at step t weighs the steps so far as decay^(t-s), normalised: 0 at the first step, towards the decay after many', () => {
  assert.equal(stepDecay(0.5, 1), 0);
  assert.equal(stepDecay(0.5, 2), 1 / 3);
  assert.equal(stepDecay(0.5, 3), 3 / 7);
  assert.ok(Math.abs(stepDecay(0.99, 5000) - 0.99) < 1e-12);
});

test('the average is of the weights after each step, the initial weights left out', async () => {
  const { set, average } = await setup();
  set([3, 6]);
  average.update(1);
  close((await average.values()).get('w'), [3, 6]);
  set([6, 3]);
  average.update(2);
  // (0.5 · [3, 6] + [6, 3]) / 1.5
  close((await average.values()).get('w'), [5, 4]);
});

test('the average stands in for the weights during a piece of work, and the trained weights come back after it, or after it fails', async () => {
  const { tf, set, read, average } = await setup();
  set([3, 4]);
  average.update(1);
  set([5, 8]);
  const tensors = tf.memory().numTensors;
  assert.deepEqual(await average.swappedIn(async () => read()), [3, 4]);
  assert.deepEqual(read(), [5, 8]);
  await assert.rejects(average.swappedIn(async () => { throw new Error('validation failed'); }), /validation failed/);
  assert.deepEqual(read(), [5, 8]);
  assert.equal(tf.memory().numTensors, tensors);
  average.replaceWeights();
  assert.deepEqual(read(), [3, 4]);
});

test('saved averages restore exactly; with none saved, averaging starts again from the current weights', async () => {
  const { set, average } = await setup();
  set([3, 4]);
  average.update(1);
  const saved = await average.values();
  set([7, 9]);
  average.update(2);
  average.restore(saved);
  assert.deepEqual(Array.from((await average.values()).get('w')!), [3, 4]);
  average.restore(null);
  assert.deepEqual(Array.from((await average.values()).get('w')!), [7, 9]);
});

test('an average made and disposed leaves no tensor behind', async () => {
  const { tf } = await initTf('cpu');
  const weights = new Map([['w', tf.variable(tf.tensor1d([1, 2]), true)]]);
  const before = tf.memory().numTensors;
  const average = new WeightAverage(tf, weights, 0.9);
  average.update(1);
  average.dispose();
  assert.equal(tf.memory().numTensors, before);
});
