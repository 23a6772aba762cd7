// LogBERT line features, 3H + 10 values per line: the last layer's [CLS] vector, the mean and the
// max over the line's real tokens, and 10 attention features. For the first and the last layer
// (averaged over heads): entropy of [CLS]'s attention, its largest weight, its weight on itself,
// the mean entropy of the tokens' attention rows, and the weight [CLS] gives the first token.
import type { TransformerConfig } from '../../model/config.js';
import { forward } from '../../model/forward.js';
import type { Weights } from '../../model/weights.js';
import type { TfModule } from '../../runtime/tf.js';
import { mlmArrays, mlmTensors } from './batch.js';
import type { WordPieceTokenizer } from './tokenizer.js';

export const ATTENTION_FEATURES = 10;

type Tensor = ReturnType<TfModule['tensor']>;

function entropy(tf: TfModule, p: Tensor): Tensor {
  return tf.neg(tf.sum(tf.mul(p, tf.log(tf.add(p, 1e-12))), -1));
}

/** [batch, 5] features of one layer's attention map [batch, heads, T, T]. */
function layerFeatures(tf: TfModule, map: Tensor, present: Tensor): Tensor {
  const mean = tf.mean(map, 1);
  const [batch, length] = [mean.shape[0] as number, mean.shape[1] as number];
  const clsRow = tf.reshape(tf.slice(mean, [0, 0, 0], [batch, 1, length]), [batch, length]);
  const rows = tf.slice(mean, [0, 1, 0], [batch, length - 1, length]);
  const rowEntropy = tf.div(tf.sum(tf.mul(entropy(tf, rows), present), -1), tf.maximum(tf.sum(present, -1), 1));
  const columns = [entropy(tf, clsRow), tf.max(clsRow, -1), tf.reshape(tf.slice(clsRow, [0, 0], [batch, 1]), [batch]), rowEntropy, tf.reshape(tf.slice(clsRow, [0, 1], [batch, 1]), [batch])];
  return tf.stack(columns, 1);
}

export function featureBatch(tf: TfModule, weights: Weights, config: TransformerConfig, encoded: number[][]): Float32Array {
  const features = tf.tidy(() => {
    const arrays = mlmArrays(encoded, config.window, config.vocab, 0, null);
    const batch = mlmTensors(tf, arrays, arrays.ids, config);
    const maps: Tensor[] = [];
    const out = forward(tf, weights, config, { vectors: batch.vectors, masked: batch.masked, present: batch.present }, maps);
    const present = tf.expandDims(batch.present, -1);
    const count = tf.maximum(tf.sum(present, 1), 1);
    const mean = tf.div(tf.sum(tf.mul(out.lines, present), 1), count);
    const max = tf.max(tf.add(out.lines, tf.mul(tf.sub(1, present), -1e9)), 1);
    const attention = tf.concat([layerFeatures(tf, maps[0], batch.present), layerFeatures(tf, maps[maps.length - 1], batch.present)], 1);
    return tf.concat([out.cls, mean, max, attention], 1);
  });
  const values = features.dataSync() as Float32Array;
  features.dispose();
  return values;
}

/** Features of every line, in batches; the tensor count is the same after each batch. */
export function logBertFeatures(tf: TfModule, weights: Weights, config: TransformerConfig, tokenizer: WordPieceTokenizer, lines: readonly string[], batchSize: number, onBatch?: (done: number) => void): { vectors: Float32Array; dim: number } {
  const dim = 3 * config.dModel + ATTENTION_FEATURES;
  const vectors = new Float32Array(lines.length * dim);
  for (let start = 0; start < lines.length; start += batchSize) {
    const encoded = lines.slice(start, start + batchSize).map((line) => tokenizer.encode(line, config.window + 1));
    vectors.set(featureBatch(tf, weights, config, encoded), start * dim);
    onBatch?.(Math.min(lines.length, start + batchSize));
  }
  return { vectors, dim };
}
