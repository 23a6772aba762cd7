// The SIMD kernel's batched products equal an in-order float32 loop bit for bit, on shapes that
// take each of its paths (16 columns at a time, 4 at a time, one at a time) and on batches it
// splits over several calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchedMatMul, kernelShapes, simdKernelApplies } from '../../src/runtime/batched-matmul.js';
import { initTf, type TfModule } from '../../src/runtime/tf.js';
import { Random } from '../../src/runtime/random.js';
import { configureLogger } from '../../src/runtime/logger.js';

configureLogger({ verbosity: 'quiet' });

function randomValues(count: number, seed: number): Float32Array {
  const random = new Random(seed);
  return Float32Array.from({ length: count }, () => random.next() * 2 - 1);
}

/** out[z] = a[z]·b[z], each element summed over k in order with float32 rounding at every step. */
function inOrderProduct(a: Float32Array, b: Float32Array, batch: number, m: number, k: number, n: number): Float32Array {
  const out = new Float32Array(batch * m * n);
  for (let z = 0; z < batch; z++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let p = 0; p < k; p++) sum = Math.fround(sum + Math.fround(a[(z * m + i) * k + p] * b[(z * k + p) * n + j]));
        out[(z * m + i) * n + j] = sum;
      }
    }
  }
  return out;
}

function check(tf: TfModule, leading: number[], m: number, k: number, n: number, seed: number): void {
  const batch = leading.reduce((product, size) => product * size, 1);
  const a = randomValues(batch * m * k, seed);
  const b = randomValues(batch * k * n, seed + 1);
  const out = batchedMatMul(tf, tf.tensor(a, [...leading, m, k]), tf.tensor(b, [...leading, k, n]));
  assert.deepEqual(out.shape, [...leading, m, n]);
  assert.deepEqual(out.dataSync(), inOrderProduct(a, b, batch, m, k, n));
}

test('batched products equal an in-order float32 loop bit for bit, on every column path', async () => {
  const { tf } = await initTf('auto');
  check(tf, [3], 5, 7, 37, 1); // 37 columns: two blocks of 16, one of 4, one alone
  check(tf, [2, 4], 33, 16, 33, 3); // attention's q·kᵀ for 2 windows of 4 heads
  check(tf, [2, 4], 33, 33, 16, 5); // and its p·v
  check(tf, [1], 1, 1, 3, 7); // single columns only
  check(tf, [300], 33, 16, 33, 9); // more matrices than one kernel call takes
});

test('the kernel takes float32 operands of equal rank, equal leading axes and a shared inner size', async () => {
  const { tf } = await initTf('auto');
  assert.equal(kernelShapes(tf.zeros([2, 3, 4]), tf.zeros([2, 4, 5])), true);
  assert.equal(kernelShapes(tf.zeros([2, 3, 4]), tf.zeros([1, 4, 5])), false); // broadcast
  assert.equal(kernelShapes(tf.zeros([2, 3, 4]), tf.zeros([4, 5])), false); // ranks differ
  assert.equal(kernelShapes(tf.zeros([2, 3, 4]), tf.zeros([2, 5, 4])), false); // inner sizes differ
  assert.equal(kernelShapes(tf.zeros([2, 3, 4], 'int32'), tf.zeros([2, 4, 5], 'int32')), false);
});

test('operands with different leading axes are refused', async () => {
  const { tf } = await initTf('auto');
  assert.throws(
    () => batchedMatMul(tf, tf.zeros([2, 3, 4]), tf.zeros([3, 4, 5])),
    /equal leading axes, got \[2,3,4\]·\[3,4,5\]/,
  );
});

test('the kernel takes batched products on the wasm and cpu backends', async () => {
  const { tf } = await initTf('auto');
  assert.equal(simdKernelApplies(tf), ['wasm', 'cpu'].includes(tf.getBackend()));
});
