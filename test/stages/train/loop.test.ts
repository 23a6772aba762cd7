// The training loop: tensors do not leak across epochs, a run stopped at a checkpoint and resumed
// ends with the same weights as an uninterrupted one, and a moving average of the weights is what
// gets judged and kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { weightValues } from '../../../src/model/weights.js';
import { initTf } from '../../../src/runtime/tf.js';
import { TrainingLoop } from '../../../src/stages/train/loop.js';
import { transformerConfig } from '../../../src/stages/train/train-model.js';
import { splitWindows } from '../../../src/stages/train/windows.js';
import { configureLogger } from '../../../src/runtime/logger.js';
import { tinyInputs, tinyParams } from './helpers.js';

configureLogger({ verbosity: 'quiet' });

async function loop(params = tinyParams()) {
  const { tf } = await initTf('cpu');
  const inputs = tinyInputs();
  const split = splitWindows(inputs.corpus, params.windows, params.split, params.seed);
  return { tf, loop: new TrainingLoop(tf, transformerConfig(params, inputs.corpus, inputs.dim), params, inputs, split) };
}

for (const ema_decay of [0, 0.9]) {
  test(`the tensor count is the same after each epoch (weight average decay ${ema_decay})`, async () => {
    const { tf, loop: one } = await loop(tinyParams({ epochs: 1, ema_decay }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
    await one.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
    const after1 = tf.memory().numTensors;
    const { loop: two } = await loop(tinyParams({ epochs: 2, ema_decay }));
    await two.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
    const after2 = tf.memory().numTensors;
    const { loop: three } = await loop(tinyParams({ epochs: 3, ema_decay }));
    await three.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
    // Each new model adds the same number of weight and optimizer tensors, whatever its epoch count.
    assert.equal(tf.memory().numTensors - after2, after2 - after1);
  });
}

async function assertResumesExactly(params = tinyParams()) {
  const straight = await loop(params);
  const dir1 = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
  const s1 = await straight.loop.run({ stateDir: dir1, resume: false, due: () => false, onCheckpoint: async () => {} });
  const expected = await weightValues(straight.loop.weights);

  const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
  const first = await loop(params);
  let calls = 0;
  await assert.rejects(first.loop.run({ stateDir: dir2, resume: false, due: () => true, onCheckpoint: async () => { if (++calls === 3) throw new Error('killed'); } }), /killed/);
  const resumed = await loop(params);
  const s2 = await resumed.loop.run({ stateDir: dir2, resume: true, due: () => false, onCheckpoint: async () => {} });
  const actual = await weightValues(resumed.loop.weights);
  assert.equal(s2.step, s1.step);
  assert.deepEqual(s2.history, s1.history);
  for (const [name, values] of expected) assert.deepEqual(actual.get(name), values, name);
}

test('stopped at a checkpoint and resumed, training ends with the same weights', async () => {
  await assertResumesExactly();
});

test('with a moving average of the weights, a resumed run ends with the same weights too', async () => {
  await assertResumesExactly(tinyParams({ ema_decay: 0.9 }));
});

test('with a moving average, the best epoch is judged on the average, and the average is what the run leaves', async () => {
  // No hypersphere term: its centre, fixed after the first epoch, would come from the judged weights.
  const plain = await loop(tinyParams({ epochs: 2, hypersphere_weight: 0 }));
  const averaged = await loop(tinyParams({ epochs: 2, hypersphere_weight: 0, ema_decay: 0.9 }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
  const a = await plain.loop.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
  const b = await averaged.loop.run({ stateDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-')), resume: false, due: () => false, onCheckpoint: async () => {} });
  // Same seed, batches and steps: only the judged weights differ, so the training losses agree and the validation losses do not.
  assert.deepEqual(b.history.map((h) => h.train_loss), a.history.map((h) => h.train_loss));
  assert.notDeepEqual(b.history.map((h) => h.validation_loss), a.history.map((h) => h.validation_loss));
  assert.equal(averaged.loop.validationLoss(null), b.bestLoss);
});
