// The masked-prediction loss computed on the chosen positions only equals the cross-entropy over
// every position weighted by the choice, in value and in every weight's gradient.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forward } from '../../src/model/forward.js';
import { dense } from '../../src/model/matmul.js';
import { maskedPredictionLoss, pickRows, rowsWhere } from '../../src/model/masked-prediction.js';
import { createWeights } from '../../src/model/weights.js';
import type { TransformerConfig } from '../../src/model/config.js';
import { initTf, type TfModule } from '../../src/runtime/tf.js';
import { Random } from '../../src/runtime/random.js';
import { configureLogger } from '../../src/runtime/logger.js';

configureLogger({ verbosity: 'quiet' });
type Tensor = ReturnType<TfModule['tensor']>;

const config: TransformerConfig = { inputDim: 12, dModel: 8, layers: 1, heads: 2, ff: 16, window: 6, vocab: 9, classes: 0 };
const [batch, length] = [3, config.window];

function setup(tf: TfModule) {
  const random = new Random(4);
  const values = (count: number) => Float32Array.from({ length: count }, () => random.next() * 2 - 1);
  const input = {
    vectors: tf.tensor3d(values(batch * length * config.inputDim), [batch, length, config.inputDim]),
    masked: tf.zeros([batch, length]),
    present: tf.ones([batch, length]),
  };
  const targets = tf.tensor2d(Int32Array.from({ length: batch * length }, () => random.int(0, config.vocab - 1)), [batch, length], 'int32');
  return { weights: createWeights(tf, config, 2), input, targets };
}

/** Value and gradients by weight name of a loss over the model's weights. */
function lossAndGradients(tf: TfModule, weights: ReturnType<typeof createWeights>, loss: () => Tensor) {
  const { value, grads } = tf.variableGrads(loss as never, [...weights.values()] as never);
  return { value: value.dataSync()[0], grads: Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, [...g.dataSync()]])) };
}

test('rowsWhere lists the non-zero entries in order, of both arrays when given two', () => {
  assert.deepEqual([...rowsWhere([0, 1, 0, 0, 2, 1])], [1, 4, 5]);
  assert.deepEqual([...rowsWhere(new Float32Array(4))], []);
  assert.deepEqual([...rowsWhere([0, 1, 0, 1, 2, 1], [1, 1, 1, 0, 1, 1])], [1, 4, 5]);
});

test('picked rows carry their gradient back to the rows they came from, zero elsewhere', async () => {
  const { tf } = await initTf('auto');
  const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
  const rows = tf.tensor1d([3, 1], 'int32');
  assert.deepEqual([...pickRows(tf, x, rows).dataSync()], [7, 8, 3, 4]);
  const [dx] = tf.grads((input: Tensor) => tf.sum(tf.mul(pickRows(tf, input, rows), tf.tensor2d([1, 2, 3, 4], [2, 2]))) as never)([x]);
  assert.deepEqual([...dx.dataSync()], [0, 0, 3, 4, 0, 0, 1, 2]);
});

test('the loss on chosen positions equals the choice-weighted loss over all positions, gradients included', async () => {
  const { tf } = await initTf('auto');
  const { weights, input, targets } = setup(tf);
  const chosen = tf.tensor2d([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1], [batch, length]);
  const allPositions = () => {
    const lines = tf.reshape(forward(tf, weights, config, input).lines, [batch * length, config.dModel]);
    const logits = tf.reshape(dense(tf, lines, weights.get('template_head/kernel')!, weights.get('template_head/bias')!), [batch, length, config.vocab]);
    const logp = tf.logSoftmax(logits);
    const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(targets, config.vocab), logp), -1));
    return tf.div(tf.sum(tf.mul(nll, chosen)), tf.sum(chosen));
  };
  const expected = lossAndGradients(tf, weights, allPositions);
  const actual = lossAndGradients(tf, weights, () => maskedPredictionLoss(tf, weights, forward(tf, weights, config, input).lines, targets, rowsWhere(chosen.dataSync())));
  assert.ok(Math.abs(actual.value - expected.value) < 1e-6, `${actual.value} against ${expected.value}`);
  assert.deepEqual(Object.keys(actual.grads).sort(), Object.keys(expected.grads).sort());
  for (const [name, grad] of Object.entries(expected.grads)) {
    grad.forEach((g, i) => assert.ok(Math.abs(actual.grads[name][i] - g) < 1e-6, `${name}[${i}]: ${actual.grads[name][i]} against ${g}`));
  }
});

test('no chosen position gives a zero loss and zero gradients', async () => {
  const { tf } = await initTf('auto');
  const { weights, input, targets } = setup(tf);
  const none = lossAndGradients(tf, weights, () => maskedPredictionLoss(tf, weights, forward(tf, weights, config, input).lines, targets, new Int32Array(0)));
  assert.equal(none.value, 0);
  // Every weight the loss reads (all but the class head's kernel and bias) still gets its zero gradient.
  assert.equal(Object.keys(none.grads).filter((name) => name.endsWith('template_head/kernel')).length, 1);
  assert.equal(Object.keys(none.grads).length, weights.size - 2);
  assert.ok(Object.values(none.grads).every((grad) => grad.every((g) => g === 0)));
});
