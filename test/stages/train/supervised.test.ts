// Supervised training: batches carry each line's classes and hide none of the lines, and a model
// trained on the labels gives the labelled burst's windows a higher class probability than the
// windows around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initTf } from '../../../src/runtime/tf.js';
import { batchArrays } from '../../../src/stages/train/batches.js';
import { TrainingLoop } from '../../../src/stages/train/loop.js';
import { scoreWindows } from '../../../src/stages/train/scoring.js';
import { transformerConfig } from '../../../src/stages/train/train-model.js';
import { splitWindows, windowLabels } from '../../../src/stages/train/windows.js';
import { configureLogger } from '../../../src/runtime/logger.js';
import { tinyInputs, tinyParams } from './helpers.js';

configureLogger({ verbosity: 'quiet' });

test('line labels mark exactly the labelled lines of a window', () => {
  const inputs = tinyInputs();
  const params = tinyParams();
  const config = transformerConfig(params, inputs.corpus, inputs.dim);
  // Lines 88-95 of the first entity: the burst is lines 90-95.
  const arrays = batchArrays([{ entity: 'e0', lines: Uint32Array.from({ length: 8 }, (_, i) => 88 + i) }], inputs, config, () => false);
  assert.deepEqual([...arrays.lineLabels], [0, 0, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual([...arrays.labels], [1]);
});

test('trained on the labels, burst windows score higher than normal ones', async () => {
  const { tf } = await initTf('auto');
  const inputs = tinyInputs();
  // 80% training: the burst (lines 90-95 of each entity) falls in the training split.
  const params = { ...tinyParams({ supervision: 'labels', epochs: 30, patience: 30 }), split: { method: 'chronological' as const, train: 0.8, validation: 0.1 } };
  const split = splitWindows(inputs.corpus, params.windows, params.split, params.seed);
  const config = transformerConfig(params, inputs.corpus, inputs.dim);
  const loop = new TrainingLoop(tf, config, params, inputs, split);
  await loop.run({ stateDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lad-supervised-')), resume: false, due: () => false, onCheckpoint: async () => {} });
  const scorer = { tf, weights: loop.weights, config, model: params.model, center: null, distanceScale: null, rarity: null, rarityWeight: 0 };
  const scores = Array.from(scoreWindows(scorer, split.train, inputs, 8).score);
  const burst = scores.filter((_, i) => windowLabels(split.train[i], inputs.corpus).length > 0);
  const normal = scores.filter((_, i) => windowLabels(split.train[i], inputs.corpus).length === 0);
  assert.ok(burst.length > 0 && normal.length > 0);
  assert.ok(Math.min(...burst) > Math.max(...normal), `burst ${burst.map((s) => s.toFixed(2))} against normal up to ${Math.max(...normal).toFixed(2)}`);
});

test('supervised batches hide no lines: the loss does not depend on the mask ratio', async () => {
  const { tf } = await initTf('auto');
  const inputs = tinyInputs();
  const lossAt = (supervision: 'none' | 'labels', mask_ratio: number) => {
    const params = tinyParams({ supervision, mask_ratio });
    const split = splitWindows(inputs.corpus, params.windows, params.split, params.seed);
    return new TrainingLoop(tf, transformerConfig(params, inputs.corpus, inputs.dim), params, inputs, split).validationLoss(null);
  };
  assert.equal(lossAt('labels', 0.1), lossAt('labels', 0.9));
  assert.notEqual(lossAt('none', 0.1), lossAt('none', 0.9));
});
