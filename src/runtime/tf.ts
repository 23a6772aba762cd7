// Picks the TensorFlow.js backend once per process: tfjs-node-gpu, tfjs-node, wasm, then cpu.
// The choice and the reason are logged and kept for the run report.
import { createRequire } from 'node:module';
import { PipelineError } from '../pipeline/errors.js';
import { logger } from './logger.js';

export type DeviceRequest = 'auto' | 'gpu' | 'cpu';
export type TfModule = typeof import('@tensorflow/tfjs');

export interface BackendChoice {
  readonly backend: 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
  readonly package: string;
  readonly device: 'gpu' | 'cpu';
  readonly reason: string;
}

const require = createRequire(import.meta.url);
let chosen: { tf: TfModule; choice: BackendChoice } | undefined;

function cudaHidden(): boolean {
  const visible = process.env.CUDA_VISIBLE_DEVICES;
  return visible !== undefined && (visible.trim() === '' || visible.trim() === '-1');
}

function tryRequire(name: string): TfModule | undefined {
  try {
    return require(name) as TfModule;
  } catch {
    return undefined;
  }
}

async function tryNative(request: DeviceRequest): Promise<{ tf: TfModule; choice: BackendChoice } | undefined> {
  if (request !== 'cpu' && !cudaHidden()) {
    const gpu = tryRequire('@tensorflow/tfjs-node-gpu');
    if (gpu && (await gpu.ready().then(() => gpu.getBackend() === 'tensorflow'))) {
      const hasGpu = gpuVisible(gpu);
      if (hasGpu) {
        return { tf: gpu, choice: { backend: 'tensorflow-gpu', package: '@tensorflow/tfjs-node-gpu', device: 'gpu', reason: 'tfjs-node-gpu is installed and a CUDA device is visible' } };
      }
    }
  }
  if (request === 'gpu') return undefined;
  const node = tryRequire('@tensorflow/tfjs-node');
  if (node) {
    return { tf: node, choice: { backend: 'tensorflow', package: '@tensorflow/tfjs-node', device: 'cpu', reason: 'tfjs-node is installed' } };
  }
  return undefined;
}

/** tfjs-node-gpu loads without a GPU too; it only has one when TensorFlow lists a GPU device. */
function gpuVisible(tf: TfModule): boolean {
  const backend = tf.backend() as unknown as { binding?: { isUsingGpuDevice?: () => boolean } };
  return backend.binding?.isUsingGpuDevice?.() ?? false;
}

async function tryWasm(tf: TfModule): Promise<boolean> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** Initialises TensorFlow.js for `request`; later calls return the first choice. */
export async function initTf(request: DeviceRequest = 'auto'): Promise<{ tf: TfModule; choice: BackendChoice }> {
  if (chosen) return chosen;
  const native = await tryNative(request);
  if (native) {
    chosen = native;
  } else if (request === 'gpu') {
    throw new PipelineError(
      'unsupported',
      cudaHidden()
        ? '--device gpu was asked for, but CUDA_VISIBLE_DEVICES hides every GPU: unset it or use --device auto'
        : '--device gpu was asked for, but no usable GPU was found (@tensorflow/tfjs-node-gpu with CUDA 11.2 / cuDNN 8 is needed): install it or use --device auto',
    );
  } else {
    const tf = await import('@tensorflow/tfjs');
    // LAD_TF_BACKEND=cpu forces the plain JavaScript backend (benchmarks, debugging).
    const wasm = process.env.LAD_TF_BACKEND === 'cpu' ? false : await tryWasm(tf);
    if (!wasm) await tf.setBackend('cpu');
    await tf.ready();
    chosen = {
      tf,
      choice: wasm
        ? { backend: 'wasm', package: '@tensorflow/tfjs-backend-wasm', device: 'cpu', reason: 'no native TensorFlow binding is installed; wasm is the fastest portable backend' }
        : { backend: 'cpu', package: '@tensorflow/tfjs', device: 'cpu', reason: process.env.LAD_TF_BACKEND === 'cpu' ? 'LAD_TF_BACKEND=cpu' : 'the wasm backend could not start' },
    };
  }
  logger().info({ backend: chosen.choice.backend, reason: chosen.choice.reason }, 'TensorFlow.js backend chosen');
  return chosen;
}

/** The backend picked by initTf, for reports; undefined before the first call. */
export function backendChoice(): BackendChoice | undefined {
  return chosen?.choice;
}
