// --tune: candidates are judged on validation loss only, and the chosen settings are one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initTf } from '../../../src/runtime/tf.js';
import { configureLogger } from '../../../src/runtime/logger.js';
import { tuneModel } from '../../../src/stages/train/tune.js';
import { splitWindows } from '../../../src/stages/train/windows.js';
import { tinyInputs, tinyParams } from './helpers.js';

configureLogger({ verbosity: 'quiet' });

test('tuning picks one of its candidates and keeps the configured epochs', async () => {
  const { tf } = await initTf('cpu');
  const inputs = tinyInputs();
  const params = tinyParams({ epochs: 7, tune: true });
  const split = splitWindows(inputs.corpus, params.windows, params.split, params.seed);
  const chosen = await tuneModel(tf, params, inputs, split);
  const m = params.model;
  const candidates = [{}, { d_model: m.d_model * 2, ff: m.ff * 2 }, { layers: m.layers + 1 }, { learning_rate: m.learning_rate * 3 }, { learning_rate: m.learning_rate / 3 }, { mask_ratio: Math.min(0.5, m.mask_ratio + 0.2) }].map((change) => ({ ...m, ...change }));
  assert.ok(candidates.some((candidate) => JSON.stringify(candidate) === JSON.stringify(chosen.model)), JSON.stringify(chosen.model));
  assert.equal(chosen.model.epochs, 7);
});
