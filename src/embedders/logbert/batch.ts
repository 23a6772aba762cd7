// MLM batches: token ids of lines as one-hot rows (the embedding lookup becomes a matrix product,
// which has a gradient on every backend), with BERT's 80/10/10 replacement of the chosen tokens.
import type { TransformerConfig } from '../../model/config.js';
import { rowsWhere } from '../../model/masked-prediction.js';
import { Random } from '../../runtime/random.js';
import type { TfModule } from '../../runtime/tf.js';
import { PAD, SPECIAL_TOKENS } from './tokenizer.js';

export interface MlmArrays {
  readonly size: number;
  readonly ids: Int32Array;
  readonly present: Float32Array;
  /** Positions shown as [MASK]. */
  readonly masked: Float32Array;
  /** Positions whose original token is predicted (the loss weight). */
  readonly chosen: Float32Array;
}

/** Ids of one line without its [CLS] (the model has its own [CLS] slot), padded to the window. */
export function lineSlots(encoded: readonly number[], window: number): number[] {
  const ids = encoded.slice(1, window + 1);
  while (ids.length < window) ids.push(PAD);
  return ids;
}

export function mlmArrays(lines: readonly number[][], window: number, vocab: number, probability: number, random: Random | null): MlmArrays {
  const size = lines.length;
  const ids = new Int32Array(size * window);
  const present = new Float32Array(size * window);
  const masked = new Float32Array(size * window);
  const chosen = new Float32Array(size * window);
  lines.forEach((line, b) => {
    const slots = lineSlots(line, window);
    let any = false;
    slots.forEach((id, i) => {
      const at = b * window + i;
      ids[at] = id;
      if (id === PAD) return;
      present[at] = 1;
      if (!random || random.next() >= probability) return;
      chosen[at] = 1;
      any = true;
      const draw = random.next();
      if (draw < 0.8) masked[at] = 1;
      else if (draw < 0.9) ids[at] = SPECIAL_TOKENS.length + Math.floor(random.next() * (vocab - SPECIAL_TOKENS.length));
    });
    if (random && !any) {
      const real = slots.findIndex((id) => id === PAD);
      const i = Math.floor(random.next() * Math.max(1, real === -1 ? window : real));
      chosen[b * window + i] = 1;
      masked[b * window + i] = 1;
    }
  });
  return { size, ids, present, masked, chosen };
}

/** Original ids for the loss (before random replacement) come from `targets`. */
export function mlmTensors(tf: TfModule, arrays: MlmArrays, targets: Int32Array, config: TransformerConfig) {
  const shape: [number, number] = [arrays.size, config.window];
  return {
    vectors: tf.oneHot(tf.tensor2d(arrays.ids, shape, 'int32'), config.inputDim).toFloat() as ReturnType<TfModule['tensor3d']>,
    present: tf.tensor2d(arrays.present, shape),
    masked: tf.tensor2d(arrays.masked, shape),
    chosenRows: rowsWhere(arrays.chosen),
    targets: tf.tensor2d(targets, shape, 'int32'),
  };
}
