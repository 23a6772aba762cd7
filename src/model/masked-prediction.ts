// Masked prediction at the chosen positions only: the loss shared by the anomaly transformer
// (template of each masked line) and LogBERT (token at each chosen position), and the logits that
// scoring reads.
import type { TfModule } from '../runtime/tf.js';
import { dense } from './matmul.js';
import type { Weights } from './weights.js';

type Tensor = ReturnType<TfModule['tensor']>;
type Save = (tensors: Tensor[]) => void;

/** Indexes of the entries that are non-zero in `weights` and, when given, in `also`. */
export function rowsWhere(weights: ArrayLike<number>, also?: ArrayLike<number>): Int32Array {
  const rows: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0 && (!also || also[i] !== 0)) rows.push(i);
  return Int32Array.from(rows);
}

/**
 * Rows of a [rows, width] tensor picked by distinct indexes, differentiable on every backend:
 * tf.gather's own gradient needs UnsortedSegmentSum, which the wasm backend lacks, so the
 * gradient scatters the rows back instead.
 */
export function pickRows(tf: TfModule, x: Tensor, rows: Tensor): Tensor {
  const pick = tf.customGrad((...args) => {
    const [input, save] = args as [Tensor, Save];
    save([rows]);
    return {
      value: tf.gather(input, rows),
      gradFunc: (dy, [indexes]) => tf.scatterND(tf.expandDims(indexes, 1), dy as Tensor, input.shape),
    };
  });
  return pick(x) as Tensor;
}

/** [rows, vocab] template logits of the chosen positions (`rows`, int32) of `lines` [batch, window, d]. */
export function chosenTemplateLogits(tf: TfModule, w: Weights, lines: Tensor, rows: Tensor): Tensor {
  const [batch, length, d] = lines.shape;
  const picked = pickRows(tf, tf.reshape(lines, [batch * length, d]), rows);
  return dense(tf, picked, w.get('template_head/kernel')!, w.get('template_head/bias')!);
}

/**
 * Mean cross-entropy of the true ids [batch, window] at the chosen positions (`found`: flat
 * indexes b * window + i, from rowsWhere), with logits from `lines` [batch, window, d] through the
 * template head. Only the chosen positions go through the head (15-30% of them): its product and
 * softmax over the vocabulary are the largest part of a step when every position goes through.
 * The positions come from the batch's arrays, not from a tensor, so that a GPU backend need not
 * read anything back in the middle of a step. No position chosen: zero, with zero gradients.
 */
export function maskedPredictionLoss(tf: TfModule, w: Weights, lines: Tensor, targets: Tensor, found: Int32Array): Tensor {
  const rows = tf.tensor1d(found.length ? found : Int32Array.of(0), 'int32');
  const logits = chosenTemplateLogits(tf, w, lines, rows);
  const vocab = logits.shape[1]!;
  const truth = tf.oneHot(tf.gather(tf.reshape(targets, [-1]), rows), vocab);
  const nll = tf.neg(tf.sum(tf.mul(truth, tf.logSoftmax(logits)), -1));
  return found.length ? tf.div(tf.sum(nll), found.length) : tf.mul(tf.sum(nll), 0);
}
