// Training losses: masked-line template prediction (LogBERT's masked log key prediction) with the
// hypersphere term on [CLS], and weighted binary cross-entropy for the supervised head, on the window's
// classes and, as a second term, on each line's own classes (labels are per line: using them gives
// the few labelled incidents many more training targets).
import { classLogits, forward, lineClassLogits } from '../../model/forward.js';
import { maskedPredictionLoss } from '../../model/masked-prediction.js';
import type { TransformerConfig } from '../../model/config.js';
import type { Weights } from '../../model/weights.js';
import type { TfModule } from '../../runtime/tf.js';
import type { batchTensors } from './batches.js';

type Tensor = ReturnType<TfModule['tensor']>;
type Batch = ReturnType<typeof batchTensors>;

/** Template prediction at the masked lines, plus the hypersphere term on [CLS] once there is a centre. */
export function unsupervisedLoss(tf: TfModule, w: Weights, config: TransformerConfig, batch: Batch, center: Tensor | null, sphereWeight: number): Tensor {
  const out = forward(tf, w, config, batch);
  const loss = maskedPredictionLoss(tf, w, out.lines, batch.templates, batch.maskedRows);
  if (!center || sphereWeight === 0) return loss;
  const distance = tf.mean(tf.sum(tf.square(tf.sub(out.cls, center)), -1));
  return tf.add(loss, tf.mul(distance, sphereWeight));
}

/** Binary cross-entropy per class with positive weights for imbalance: log σ(z) = -softplus(-z). */
function weightedCrossEntropy(tf: TfModule, logits: Tensor, labels: Tensor, positiveWeight: Tensor): Tensor {
  const positive = tf.mul(tf.mul(labels, positiveWeight), tf.softplus(tf.neg(logits)));
  return tf.add(positive, tf.mul(tf.sub(1, labels), tf.softplus(logits)));
}

/**
 * pos_weight of a class seen `positives` times among `total` targets: the square root of its
 * negatives-to-positives ratio, at most 50. With the full ratio a missed incident window cost as
 * much as dozens of false alarms, and the model pushed the normal windows next to an incident
 * towards its class too.
 */
export function positiveWeight(positives: number, total: number): number {
  return Math.min(50, Math.sqrt((total - positives) / Math.max(1, positives)));
}

export interface PositiveWeights {
  /** Per class, for window targets. */
  readonly window: Tensor;
  /** Per class, for line targets. */
  readonly line: Tensor;
}

export function supervisedLoss(tf: TfModule, w: Weights, config: TransformerConfig, batch: Batch, positiveWeights: PositiveWeights): Tensor {
  const out = forward(tf, w, config, batch);
  const windowLoss = tf.mean(weightedCrossEntropy(tf, classLogits(tf, w, out, batch.own), batch.labels, positiveWeights.window));
  const perLine = tf.mean(weightedCrossEntropy(tf, lineClassLogits(tf, w, out), batch.lineLabels, positiveWeights.line), -1);
  const lineLoss = tf.div(tf.sum(tf.mul(perLine, batch.present)), tf.maximum(tf.sum(batch.present), 1));
  return tf.add(windowLoss, lineLoss);
}
