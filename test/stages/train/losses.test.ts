// Training losses: supervised class weights (the square root of a class's negatives-to-positives
// ratio, capped), and a step that needs no read-back from the backend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransformerConfig } from '../../../src/model/config.js';
import { createWeights } from '../../../src/model/weights.js';
import { initTf } from '../../../src/runtime/tf.js';
import { batchArrays, batchTensors, disposeBatch } from '../../../src/stages/train/batches.js';
import { positiveWeight, unsupervisedLoss } from '../../../src/stages/train/losses.js';
import type { Window } from '../../../src/stages/train/windows.js';
import { tinyInputs } from './helpers.js';

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

test('a training step calls no dataSync before its loss: the masked lines come from the batch arrays', async () => {
  const { tf } = await initTf('auto');
  const config: TransformerConfig = { inputDim: 8, dModel: 8, layers: 1, heads: 2, ff: 8, window: 8, vocab: 6, classes: 1 };
  const windows: Window[] = [0, 4, 8].map((start) => ({ entity: 'e0', lines: Uint32Array.from({ length: 8 }, (_, i) => start + i) }));
  const arrays = batchArrays(windows, tinyInputs(), config, (b, i) => (b + i) % 3 === 0);
  const batch = batchTensors(tf, arrays, config);
  assert.deepEqual([...batch.maskedRows], [0, 3, 6, 10, 13, 17, 20, 23]);
  const weights = createWeights(tf, config, 1);
  // A GPU backend cannot read synchronously in every runtime (WebGPU in Node cannot), so a read
  // in the middle of the step must fail this test.
  const tensor = Object.getPrototypeOf(batch.vectors) as { dataSync: () => unknown };
  const dataSync = tensor.dataSync;
  tensor.dataSync = () => assert.fail('dataSync was called during the step');
  try {
    const { value, grads } = tf.variableGrads(() => unsupervisedLoss(tf, weights, config, batch, null, 0) as never, [...weights.values()]);
    tensor.dataSync = dataSync;
    assert.ok(Number.isFinite(value.dataSync()[0]));
    assert.equal(Object.keys(grads).length, weights.size - 2, 'every weight but the class head gets a gradient');
    tf.dispose([value, ...Object.values(grads)]);
  } finally {
    tensor.dataSync = dataSync;
    disposeBatch(batch);
    tf.dispose([...weights.values()]);
  }
});
