// The training loop: tensors do not leak across epochs, and a run stopped at a checkpoint and
// resumed ends with the same weights as an uninterrupted one.
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

test('the tensor count is the same after each epoch', async () => {
  const { tf, loop: one } = await loop(tinyParams({ epochs: 1 }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
  await one.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
  const after1 = tf.memory().numTensors;
  const { loop: two } = await loop(tinyParams({ epochs: 2 }));
  await two.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
  const after2 = tf.memory().numTensors;
  const { loop: three } = await loop(tinyParams({ epochs: 3 }));
  await three.run({ stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
  // Each new model adds the same number of weight and optimizer tensors, whatever its epoch count.
  assert.equal(tf.memory().numTensors - after2, after2 - after1);
});

test('stopped at a checkpoint and resumed, training ends with the same weights', async () => {
  const straight = await loop();
  const dir1 = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
  const s1 = await straight.loop.run({ stateDir: dir1, resume: false, due: () => false, onCheckpoint: async () => {} });
  const expected = await weightValues(straight.loop.weights);

  const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-loop-'));
  const first = await loop();
  let calls = 0;
  await assert.rejects(first.loop.run({ stateDir: dir2, resume: false, due: () => true, onCheckpoint: async () => { if (++calls === 3) throw new Error('killed'); } }), /killed/);
  const resumed = await loop();
  const s2 = await resumed.loop.run({ stateDir: dir2, resume: true, due: () => false, onCheckpoint: async () => {} });
  const actual = await weightValues(resumed.loop.weights);
  assert.equal(s2.step, s1.step);
  assert.deepEqual(s2.history, s1.history);
  for (const [name, values] of expected) assert.deepEqual(actual.get(name), values, name);
});
