// The moving average of the weights: its exact values after each step, the trained weights back
// after it stood in for them (even when the work in between fails), and a checkpoint round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf } from '../../../src/runtime/tf.js';
import { WeightAverage } from '../../../src/stages/train/weight-average.js';

async function setup() {
  const { tf } = await initTf('cpu');
  const weights = new Map([['w', tf.variable(tf.tensor1d([1, 2]), true)]]);
  const set = (values: number[]) => weights.get('w')!.assign(tf.tensor1d(values));
  const read = () => Array.from(weights.get('w')!.dataSync());
  return { tf, weights, set, read, average: new WeightAverage(tf, weights, 0.5) };
}

test('after each step the average is decay · average + (1 - decay) · weights, starting from the first weights', async () => {
  const { set, average } = await setup();
  set([3, 4]);
  average.update();
  assert.deepEqual(Array.from((await average.values()).get('w')!), [2, 3]);
  set([5, 8]);
  average.update();
  assert.deepEqual(Array.from((await average.values()).get('w')!), [3.5, 5.5]);
});

test('the average stands in for the weights during a piece of work, and the trained weights come back after it, or after it fails', async () => {
  const { tf, set, read, average } = await setup();
  set([3, 4]);
  average.update();
  const tensors = tf.memory().numTensors;
  assert.deepEqual(await average.swappedIn(async () => read()), [2, 3]);
  assert.deepEqual(read(), [3, 4]);
  await assert.rejects(average.swappedIn(async () => { throw new Error('validation failed'); }), /validation failed/);
  assert.deepEqual(read(), [3, 4]);
  assert.equal(tf.memory().numTensors, tensors);
  average.applied();
  assert.deepEqual(read(), [2, 3]);
});

test('saved averages restore exactly; with none saved, averaging starts again from the current weights', async () => {
  const { set, average } = await setup();
  set([3, 4]);
  average.update();
  const saved = await average.values();
  set([7, 9]);
  average.update();
  average.restore(saved);
  assert.deepEqual(Array.from((await average.values()).get('w')!), [2, 3]);
  average.restore(null);
  assert.deepEqual(Array.from((await average.values()).get('w')!), [7, 9]);
});
