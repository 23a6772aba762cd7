// The forward pass: line vectors (some replaced by the mask vector) and their time features
// projected to d_model, a [CLS] slot in front, learned positions, pre-LayerNorm encoder blocks with
// padding-aware attention.
import type { TfModule } from '../runtime/tf.js';
import type { TransformerConfig } from './config.js';
import type { Weights } from './weights.js';
import { dense, layerNorm, matMul, swapLast } from './matmul.js';

type Tensor = ReturnType<TfModule['tensor']>;

export interface ForwardInput {
  /** [batch, window, inputDim] line vectors. */
  readonly vectors: Tensor;
  /** [batch, window] 1 where a line is hidden behind the mask vector. */
  readonly masked: Tensor;
  /** [batch, window] 1 for real lines, 0 for padding. */
  readonly present: Tensor;
  /** [batch, window, timeFeatures] when the model reads time features. */
  readonly time?: Tensor;
  /** [batch, window] each line's rarity when the model reads it. */
  readonly rarity?: Tensor;
}

export interface ForwardOutput {
  /** [batch, dModel] */
  readonly cls: Tensor;
  /** [batch, window, dModel] */
  readonly lines: Tensor;
}

function attention(tf: TfModule, w: Weights, prefix: string, x: Tensor, keyBias: Tensor, config: TransformerConfig, maps?: Tensor[]): Tensor {
  const [batch, length, d] = x.shape;
  const heads = config.heads;
  const dh = d / heads;
  const flat = tf.reshape(x, [batch * length, d]);
  const qkv = dense(tf, flat, w.get(`${prefix}/qkv`)!, w.get(`${prefix}/qkv_bias`)!);
  const split = (part: number) => tf.transpose(tf.reshape(tf.slice(qkv, [0, part * d], [-1, d]), [batch, length, heads, dh]), [0, 2, 1, 3]);
  const [q, k, v] = [split(0), split(1), split(2)];
  const scores = tf.add(tf.div(matMul(tf, q, swapLast(tf, k)), Math.sqrt(dh)), keyBias);
  const probabilities = tf.softmax(scores);
  maps?.push(probabilities);
  const mixed = matMul(tf, probabilities, v);
  const merged = tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [batch * length, d]);
  return tf.reshape(dense(tf, merged, w.get(`${prefix}/out`)!, w.get(`${prefix}/out_bias`)!), [batch, length, d]);
}

function feedForward(tf: TfModule, w: Weights, prefix: string, x: Tensor): Tensor {
  const [batch, length, d] = x.shape;
  const flat = tf.reshape(x, [batch * length, d]);
  const hidden = dense(tf, flat, w.get(`${prefix}/w1`)!, w.get(`${prefix}/b1`)!, { relu: true });
  return tf.reshape(dense(tf, hidden, w.get(`${prefix}/w2`)!, w.get(`${prefix}/b2`)!), [batch, length, d]);
}

/**
 * Line vectors projected to d_model, masked lines replaced by the projected mask vector, plus the
 * projected time features and rarity. The lines are data, so only the mask vector's row needs a
 * gradient through the projection: computing it apart spares the full dy·kernelᵀ product. A masked
 * line keeps its time features: they are context, not what is predicted. Its rarity is zero
 * (batches.ts): that would give the line away.
 */
function projectLines(tf: TfModule, w: Weights, config: TransformerConfig, input: ForwardInput): Tensor {
  const [batch, length, inputDim] = input.vectors.shape;
  const masked = tf.reshape(input.masked, [batch * length, 1]);
  const kernel = w.get('input/kernel')!;
  const kept = tf.mul(tf.reshape(input.vectors, [batch * length, inputDim]), tf.sub(1, masked));
  const lines = dense(tf, kept, kernel, w.get('input/bias')!, { inputGradient: false });
  const maskRow = matMul(tf, tf.reshape(w.get('mask_vector')!, [1, inputDim]), kernel);
  let projected = tf.add(lines, tf.mul(masked, maskRow));
  if (config.timeFeatures && input.time) projected = tf.add(projected, matMul(tf, tf.reshape(input.time, [batch * length, config.timeFeatures]), w.get('time/kernel')!));
  if (config.rarityInput && input.rarity) projected = tf.add(projected, matMul(tf, tf.reshape(input.rarity, [batch * length, 1]), w.get('rarity/kernel')!));
  return projected;
}

/** `maps`, when given, receives each layer's attention probabilities [batch, heads, 1 + window, 1 + window]. */
export function forward(tf: TfModule, w: Weights, config: TransformerConfig, input: ForwardInput, maps?: Tensor[]): ForwardOutput {
  const [batch, length] = input.vectors.shape;
  const projected = tf.reshape(projectLines(tf, w, config, input), [batch, length, config.dModel]);
  const cls = tf.tile(tf.reshape(w.get('cls')!, [1, 1, config.dModel]), [batch, 1, 1]);
  let x = tf.add(tf.concat([cls, projected], 1), tf.slice(w.get('positions')!, [0, 0], [length + 1, config.dModel]));
  // Padding keys get a large negative bias so no position attends to them; [CLS] is always present.
  const present = tf.concat([tf.ones([batch, 1]), input.present], 1);
  const keyBias = tf.reshape(tf.mul(tf.sub(1, present), -1e9), [batch, 1, 1, length + 1]);
  for (let l = 0; l < config.layers; l++) {
    const p = `block${l}`;
    x = tf.add(x, attention(tf, w, `${p}/attention`, layerNorm(tf, x, w.get(`${p}/ln1/gamma`)!, w.get(`${p}/ln1/beta`)!), keyBias, config, maps));
    x = tf.add(x, feedForward(tf, w, `${p}/ff`, layerNorm(tf, x, w.get(`${p}/ln2/gamma`)!, w.get(`${p}/ln2/beta`)!)));
  }
  const out = layerNorm(tf, x, w.get('final_ln/gamma')!, w.get('final_ln/beta')!);
  return { cls: tf.reshape(tf.slice(out, [0, 0, 0], [batch, 1, config.dModel]), [batch, config.dModel]), lines: tf.slice(out, [0, 1, 0], [batch, length, config.dModel]) };
}

/**
 * [batch, classes] class logits from [CLS] and the max over the window's own lines (`own`, [batch,
 * window]: not its context or padding): a class often shows as a few distinctive lines, which
 * max-pooling keeps and [CLS] alone can blur.
 */
export function classLogits(tf: TfModule, w: Weights, out: ForwardOutput, own: Tensor): Tensor {
  const mask = tf.expandDims(own, -1);
  const pooled = tf.max(tf.add(out.lines, tf.mul(tf.sub(1, mask), -1e9)), 1);
  return dense(tf, tf.concat([out.cls, pooled], 1), w.get('class_head/kernel')!, w.get('class_head/bias')!);
}

/** [batch, window, classes] class logits of each line, read by the same head from [CLS] and the line itself. */
export function lineClassLogits(tf: TfModule, w: Weights, out: ForwardOutput): Tensor {
  const [batch, length, d] = out.lines.shape;
  const cls = tf.tile(tf.expandDims(out.cls, 1), [1, length, 1]);
  const pairs = tf.reshape(tf.concat([cls, out.lines], 2), [batch * length, 2 * d]);
  const logits = dense(tf, pairs, w.get('class_head/kernel')!, w.get('class_head/bias')!);
  return tf.reshape(logits, [batch, length, logits.shape[1]!]);
}
