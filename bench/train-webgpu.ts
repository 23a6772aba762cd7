// Milliseconds per training step of the anomaly transformer on a GPU through WebGPU: TensorFlow.js's
// webgpu backend over Dawn's Node binding (the npm package `webgpu`, which ships its binaries, so
// it installs where tfjs-node-gpu's libtensorflow download cannot). Neither package is a
// dependency of the pipeline; install them beside it first:
//   npm install --no-save webgpu@0.6 @tensorflow/tfjs-backend-webgpu@4.22
// Usage: node dist/bench/train-webgpu.js [steps, default 20] [batch sizes, default 32]
// LAD_WEBGPU_FLAGS=NAME=value,... sets the backend's TensorFlow.js flags first, for example
// WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE=100 (kernels recorded before each submit).
import { configureLogger } from '../src/runtime/logger.js';
import type { TfModule } from '../src/runtime/tf.js';
import { msPerTrainingStep, resultRow } from './train-step.js';

interface DawnAdapterInfo { vendor: string; architecture: string; description: string }
interface DawnModule {
  create(flags: string[]): { requestAdapter(options?: object): Promise<{ info: DawnAdapterInfo } | null> };
  globals: object;
}

configureLogger({ verbosity: 'quiet' });
const steps = Number(process.argv[2] ?? 20);
const batches = (process.argv[3] ?? '32').split(',').map(Number);
const dawn = (await import('webgpu')) as DawnModule;
Object.assign(globalThis, dawn.globals);
const gpu = dawn.create([]);
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) throw new Error('WebGPU found no adapter: is a Vulkan driver installed?');
const tf = (await import('@tensorflow/tfjs')) as TfModule;
await import('@tensorflow/tfjs-backend-webgpu');
for (const flag of (process.env.LAD_WEBGPU_FLAGS ?? '').split(',').filter(Boolean)) {
  const [name, value] = flag.split('=');
  tf.env().set(name, value === 'true' || value === 'false' ? value === 'true' : Number(value));
}
if (!(await tf.setBackend('webgpu'))) throw new Error('the TensorFlow.js webgpu backend did not start');
console.log(`adapter: ${adapter.info.vendor} ${adapter.info.architecture} ${adapter.info.description}; flags: ${process.env.LAD_WEBGPU_FLAGS ?? 'defaults'}`);
for (const batch of batches) {
  const timing = await msPerTrainingStep(tf, steps, batch);
  // Process CPU time near the wall time fits a step that waits on JavaScript and Dawn, not the GPU.
  console.log(`${resultRow(`tfjs webgpu, batch ${batch}`, timing, batch)} process CPU ${timing.cpuMs.toFixed(1)} ms a step`);
}
// Dawn's device keeps the event loop alive after the last step.
process.exit(0);
