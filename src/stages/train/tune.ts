// --tune: a small search over d_model, layers, learning rate and mask ratio, each candidate trained
// briefly and judged by its validation loss only (test labels never take part).
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '../../runtime/logger.js';
import type { TfModule } from '../../runtime/tf.js';
import type { TrainInputs } from './batches.js';
import { TrainingLoop } from './loop.js';
import type { ModelParams, TrainParams } from './params.js';
import { transformerConfig } from './train-model.js';
import type { SplitWindows } from './windows.js';

const TUNING_EPOCHS = 4;

function candidates(model: ModelParams): Partial<ModelParams>[] {
  return [{}, { d_model: model.d_model * 2, ff: model.ff * 2 }, { layers: model.layers + 1 }, { learning_rate: model.learning_rate * 3 }, { learning_rate: model.learning_rate / 3 }, { mask_ratio: Math.min(0.5, model.mask_ratio + 0.2) }];
}

export async function tuneModel(tf: TfModule, params: TrainParams, inputs: TrainInputs, split: SplitWindows): Promise<TrainParams> {
  let best = { loss: Infinity, params };
  for (const change of candidates(params.model)) {
    const trial: TrainParams = { ...params, model: { ...params.model, ...change, epochs: TUNING_EPOCHS } };
    const loop = new TrainingLoop(tf, transformerConfig(trial, inputs.corpus, inputs.dim), trial, inputs, split);
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-tune-'));
    const state = await loop.run({ stateDir, resume: false, due: () => false, onCheckpoint: async () => {} });
    fs.rmSync(stateDir, { recursive: true, force: true });
    loop.dispose();
    logger().info({ change, validation_loss: +state.bestLoss.toFixed(4) }, 'tuning candidate');
    if (state.bestLoss < best.loss) best = { loss: state.bestLoss, params: { ...params, model: { ...params.model, ...change } } };
  }
  logger().info({ chosen: best.params.model }, 'tuning chose');
  return best.params;
}
