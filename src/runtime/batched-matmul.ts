// Batched products a[z]·b[z] in a small WebAssembly SIMD kernel (kernels/batched-matmul.wat).
// The wasm backend hands XNNPACK only 2-D products; batched ones, such as attention's q·kᵀ and
// p·v, run there on scalar loops at under 1 GMAC/s. The kernel is 3-5x faster on those shapes and
// gives the same float32 results as an in-order loop, bit for bit (so the backend's own, up to
// sums of 48 terms, where the backend starts a new partial sum).
import { readFileSync } from 'node:fs';
import { logger } from './logger.js';
import type { TfModule } from './tf.js';

type Tensor = ReturnType<TfModule['tensor']>;
type TensorInfo = Pick<Tensor, 'shape' | 'dtype' | 'dataId'>;

interface Kernel {
  readonly memory: WebAssembly.Memory;
  /** Byte offsets of a, b and out in memory, then batch, m, k, n. */
  readonly matmul: (a: number, b: number, out: number, batch: number, m: number, k: number, n: number) => void;
}

const PAGE_BYTES = 65536;
/** Floats of operands and output per kernel call: 1 MB. */
const CHUNK_FLOATS = 1 << 18;
let kernel: Kernel | null | undefined;

function loadKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    const bytes = readFileSync(new URL('./kernels/batched-matmul.wasm', import.meta.url));
    kernel = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Kernel;
  } catch (error) {
    logger().debug({ reason: (error as Error).message }, 'SIMD batched product unavailable; TensorFlow.js multiplies batches itself');
    kernel = null;
  }
  return kernel;
}

/** The native TensorFlow backends batch products well themselves; wasm and cpu gain from the kernel. */
export function simdKernelApplies(tf: TfModule): boolean {
  const backend = tf.getBackend();
  return (backend === 'wasm' || backend === 'cpu') && loadKernel() !== null;
}

/** Float32 [..., m, k]·[..., k, n] with the same leading axes: what the kernel multiplies. */
export function kernelShapes(a: Tensor, b: Tensor): boolean {
  const sameLeading = a.shape.slice(0, -2).every((size, axis) => size === b.shape[axis]);
  return a.dtype === 'float32' && b.dtype === 'float32' && a.rank === b.rank && a.rank >= 2 && sameLeading && a.shape[a.rank - 1] === b.shape[b.rank - 2];
}

/** The wasm backend's own methods for a tensor's memory; the cpu backend has neither. */
interface HeapBackend {
  typedArrayFromHeap?: (info: TensorInfo) => Float32Array;
  makeOutput?: (shape: number[], dtype: 'float32') => TensorInfo;
}

interface Operands {
  readonly a: Float32Array;
  readonly b: Float32Array;
  /** Where the product goes; `result()` turns it into a tensor once it is filled. */
  readonly out: Float32Array;
  readonly result: () => Tensor;
}

/**
 * On the wasm backend, views into its heap: no copy of either operand, and the product written
 * straight into the output tensor's memory, so a step allocates no short-lived arrays that would
 * pile up outside the garbage-collected heap. The output is allocated first because allocating can
 * grow the heap and void earlier views. The operands must live on this backend, as they do with
 * the one backend a process picks (src/runtime/tf.ts).
 */
function operands(tf: TfModule, a: Tensor, b: Tensor, shape: number[]): Operands {
  const backend = tf.backend() as HeapBackend;
  if (backend.typedArrayFromHeap && backend.makeOutput) {
    const info = backend.makeOutput(shape, 'float32');
    const view = backend.typedArrayFromHeap.bind(backend);
    return { a: view(a), b: view(b), out: view(info), result: () => tf.engine().makeTensorFromTensorInfo(info) as Tensor };
  }
  const out = new Float32Array(shape.reduce((product, size) => product * size, 1));
  return { a: a.dataSync() as Float32Array, b: b.dataSync() as Float32Array, out, result: () => tf.tensor(out, shape) };
}

function ensureBytes(memory: WebAssembly.Memory, bytes: number): void {
  const missing = Math.ceil(bytes / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
  if (missing > 0) memory.grow(missing);
}

/** a [..., m, k] · b [..., k, n] with the same leading axes, computed by the kernel; records no gradient. */
export function batchedMatMul(tf: TfModule, a: Tensor, b: Tensor): Tensor {
  const simd = loadKernel();
  const leading = a.shape.slice(0, -2);
  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.rank - 1];
  if (!simd || !kernelShapes(a, b)) {
    throw new Error(`batchedMatMul needs the SIMD kernel and float32 [..., m, k]·[..., k, n] with equal leading axes, got [${a.shape}]·[${b.shape}]`);
  }
  const batch = leading.reduce((product, size) => product * size, 1);
  const values = operands(tf, a, b, [...leading, m, n]);
  multiplyInChunks(simd, values, batch, m, k, n);
  return values.result();
}

/**
 * Runs the kernel on a few matrices at a time, so that its memory, which a WebAssembly module can
 * grow but never give back, stays at about CHUNK_FLOATS whatever the batch (or at one matrix of
 * each, for matrices larger than that).
 */
function multiplyInChunks(simd: Kernel, { a, b, out }: Operands, batch: number, m: number, k: number, n: number): void {
  const [aSize, bSize, outSize] = [m * k, k * n, m * n];
  const perCall = Math.max(1, Math.floor(CHUNK_FLOATS / (aSize + bSize + outSize)));
  ensureBytes(simd.memory, Math.min(perCall, batch) * (aSize + bSize + outSize) * 4);
  for (let first = 0; first < batch; first += perCall) {
    const count = Math.min(perCall, batch - first);
    const heap = new Float32Array(simd.memory.buffer);
    const [bStart, outStart] = [count * aSize, count * (aSize + bSize)];
    heap.set(a.subarray(first * aSize, (first + count) * aSize), 0);
    heap.set(b.subarray(first * bSize, (first + count) * bSize), bStart);
    simd.matmul(0, bStart * 4, outStart * 4, count, m, k, n);
    out.set(heap.subarray(outStart, outStart + count * outSize), first * outSize);
  }
}
