// What the forward pass reads: a model built to read line rarity answers to it, line by line, and
// learns its projection; a model without it has no such weight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransformerConfig } from '../../src/model/config.js';
import { forward, type ForwardInput } from '../../src/model/forward.js';
import { createWeights, weightShapes } from '../../src/model/weights.js';
import { initTf, type TfModule } from '../../src/runtime/tf.js';
import { configureLogger } from '../../src/runtime/logger.js';

configureLogger({ verbosity: 'quiet' });

const config: TransformerConfig = { inputDim: 4, dModel: 8, layers: 1, heads: 2, ff: 8, window: 3, vocab: 5, classes: 2, rarityInput: true };

function input(tf: TfModule, rarity: number[]): ForwardInput {
  return {
    vectors: tf.tensor3d(Float32Array.from({ length: 12 }, (_, i) => (i % 5) / 5), [1, 3, 4]),
    masked: tf.zeros([1, 3]),
    present: tf.ones([1, 3]),
    rarity: tf.tensor2d(rarity, [1, 3]),
  };
}

test('a model that reads rarity answers to a line’s rarity, at that line, and learns the projection', async () => {
  const { tf } = await initTf('auto');
  const weights = createWeights(tf, config, 7);
  const lines = (rarity: number[]) => tf.tidy(() => forward(tf, weights, config, input(tf, rarity)).lines.arraySync() as number[][][]);
  const common = lines([0.2, 0.2, 0.2]);
  const rare = lines([0.2, 1, 0.2]);
  const change = (position: number) => Math.max(...rare[0][position].map((v, d) => Math.abs(v - common[0][position][d])));
  assert.ok(change(1) > 1e-3, `the rare line's output moved by ${change(1)}`);
  assert.ok(change(1) > change(0) && change(1) > change(2), 'the rare line moves most; the others only through attention');
  const kernel = weights.get('rarity/kernel')!;
  const grads = tf.variableGrads(() => tf.sum(forward(tf, weights, config, input(tf, [0.2, 1, 0.2])).cls) as never, [kernel]);
  assert.ok(Math.max(...(grads.grads[kernel.name].dataSync() as Float32Array).map(Math.abs)) > 0, 'the rarity projection gets a gradient');
  assert.ok(!weightShapes({ ...config, rarityInput: false }).some(([name]) => name === 'rarity/kernel'));
});
