// The hand-written gradients of dense, matMul and layerNorm equal TensorFlow.js's own gradients of
// the same expressions written with its plain ops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dense, layerNorm, matMul } from '../../src/model/matmul.js';
import { initTf, type TfModule } from '../../src/runtime/tf.js';
import { Random } from '../../src/runtime/random.js';
import { configureLogger } from '../../src/runtime/logger.js';

configureLogger({ verbosity: 'quiet' });
type Tensor = ReturnType<TfModule['tensor']>;

function randomTensor(tf: TfModule, shape: number[], seed: number): Tensor {
  const random = new Random(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.next() * 2 - 1), shape);
}

/** Gradients of sum(f(...) * weights) for a fixed random weighting, so every output element counts differently. */
function gradients(tf: TfModule, f: (...xs: Tensor[]) => Tensor, inputs: Tensor[], outShape: number[]): Float32Array[] {
  const weighting = randomTensor(tf, outShape, 99);
  const grads = tf.grads((...xs: Tensor[]) => tf.sum(tf.mul(f(...xs), weighting)) as never);
  return grads(inputs).map((g) => g.dataSync() as Float32Array);
}

function assertClose(actual: Float32Array[], expected: Float32Array[]): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    assert.equal(a.length, expected[i].length);
    a.forEach((v, j) => assert.ok(Math.abs(v - expected[i][j]) < 1e-4, `input ${i}, element ${j}: ${v} against ${expected[i][j]}`));
  });
}

test('dense with ReLU: value and gradients of x, kernel and bias match relu(x·w + b)', async () => {
  const { tf } = await initTf('auto');
  const inputs = [randomTensor(tf, [6, 4], 1), randomTensor(tf, [4, 3], 2), randomTensor(tf, [3], 3)];
  const ours = (x: Tensor, w: Tensor, b: Tensor) => dense(tf, x, w, b, { relu: true });
  const plain = (x: Tensor, w: Tensor, b: Tensor) => tf.relu(tf.add(tf.matMul(x, w), b));
  assertClose([ours(inputs[0], inputs[1], inputs[2]).dataSync() as Float32Array], [plain(inputs[0], inputs[1], inputs[2]).dataSync() as Float32Array]);
  assertClose(gradients(tf, ours as never, inputs, [6, 3]), gradients(tf, plain as never, inputs, [6, 3]));
});

test('dense kernel and bias gradients match x·w + b whether the output is narrower or wider than the input', async () => {
  const { tf } = await initTf('auto');
  const plain = (x: Tensor, w: Tensor, b: Tensor) => tf.add(tf.matMul(x, w), b);
  for (const [rows, inputs, outputs] of [[7, 5, 2], [7, 2, 5]]) {
    const operands = [randomTensor(tf, [rows, inputs], 12), randomTensor(tf, [inputs, outputs], 13), randomTensor(tf, [outputs], 14)];
    const ours = (x: Tensor, w: Tensor, b: Tensor) => dense(tf, x, w, b);
    assertClose(gradients(tf, ours as never, operands, [rows, outputs]), gradients(tf, plain as never, operands, [rows, outputs]));
  }
});

test('dense without an input gradient returns zeros for the inputs and the usual kernel gradient', async () => {
  const { tf } = await initTf('auto');
  const inputs = [randomTensor(tf, [5, 4], 4), randomTensor(tf, [4, 2], 5), randomTensor(tf, [2], 6)];
  const [dx, dw] = gradients(tf, ((x: Tensor, w: Tensor, b: Tensor) => dense(tf, x, w, b, { inputGradient: false })) as never, inputs, [5, 2]);
  const [, plainDw] = gradients(tf, ((x: Tensor, w: Tensor, b: Tensor) => tf.add(tf.matMul(x, w), b)) as never, inputs, [5, 2]);
  assert.deepEqual([...dx], new Array(20).fill(0));
  assertClose([dw], [plainDw]);
});

test('batched matMul gradients match tf.matMul for attention-shaped operands', async () => {
  const { tf } = await initTf('auto');
  const inputs = [randomTensor(tf, [2, 3, 5, 4], 7), randomTensor(tf, [2, 3, 4, 5], 8)];
  assertClose(
    gradients(tf, ((a: Tensor, b: Tensor) => matMul(tf, a, b)) as never, inputs, [2, 3, 5, 5]),
    gradients(tf, ((a: Tensor, b: Tensor) => tf.matMul(a, b)) as never, inputs, [2, 3, 5, 5]),
  );
});

test('batched matMul leaves operands the SIMD kernel does not take to tf.matMul', async () => {
  const { tf } = await initTf('auto');
  const [a, b] = [randomTensor(tf, [2, 3, 4], 15), randomTensor(tf, [1, 4, 5], 16)];
  assert.deepEqual(matMul(tf, a, b).dataSync(), tf.matMul(a, b).dataSync());
});

test('layerNorm: value and gradients of x, gamma and beta match the textbook formula', async () => {
  const { tf } = await initTf('auto');
  const inputs = [tf.mul(randomTensor(tf, [2, 3, 8], 9), 3), randomTensor(tf, [8], 10), randomTensor(tf, [8], 11)];
  const plain = (x: Tensor, g: Tensor, b: Tensor) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
  };
  const ours = (x: Tensor, g: Tensor, b: Tensor) => layerNorm(tf, x, g, b);
  assertClose([ours(inputs[0], inputs[1], inputs[2]).dataSync() as Float32Array], [plain(inputs[0], inputs[1], inputs[2]).dataSync() as Float32Array]);
  assertClose(gradients(tf, ours as never, inputs, [2, 3, 8]), gradients(tf, plain as never, inputs, [2, 3, 8]));
});
