// Training losses: masked-line template prediction (LogBERT's masked log key prediction) with the
// hypersphere term on [CLS], and weighted binary cross-entropy for the supervised head.
import { classLogits, forward, templateLogits } from '../../model/forward.js';
import type { TransformerConfig } from '../../model/config.js';
import type { Weights } from '../../model/weights.js';
import type { TfModule } from '../../runtime/tf.js';
import type { batchTensors } from './batches.js';

type Tensor = ReturnType<TfModule['tensor']>;
type Batch = ReturnType<typeof batchTensors>;

/** Mean cross-entropy of the true template over masked real lines. */
export function maskedTemplateLoss(tf: TfModule, logits: Tensor, batch: Batch, vocab: number): Tensor {
  const logp = tf.logSoftmax(logits);
  const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(batch.templates, vocab), logp), -1));
  const weight = tf.mul(batch.masked, batch.present);
  return tf.div(tf.sum(tf.mul(nll, weight)), tf.maximum(tf.sum(weight), 1));
}

export function unsupervisedLoss(tf: TfModule, w: Weights, config: TransformerConfig, batch: Batch, center: Tensor | null, sphereWeight: number): Tensor {
  const out = forward(tf, w, config, batch);
  const loss = maskedTemplateLoss(tf, templateLogits(tf, w, config, out.lines), batch, config.vocab);
  if (!center || sphereWeight === 0) return loss;
  const distance = tf.mean(tf.sum(tf.square(tf.sub(out.cls, center)), -1));
  return tf.add(loss, tf.mul(distance, sphereWeight));
}

/** Binary cross-entropy per class with positive weights for imbalance: log σ(z) = -softplus(-z). */
export function supervisedLoss(tf: TfModule, w: Weights, config: TransformerConfig, batch: Batch, positiveWeight: Tensor): Tensor {
  const logits = classLogits(tf, w, forward(tf, w, config, batch), batch.present);
  const positive = tf.mul(tf.mul(batch.labels, positiveWeight), tf.softplus(tf.neg(logits)));
  const negative = tf.mul(tf.sub(1, batch.labels), tf.softplus(logits));
  return tf.mean(tf.add(positive, negative));
}
