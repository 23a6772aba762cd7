// Milliseconds per training step of the anomaly transformer on this process's TensorFlow.js
// backend; run with LAD_TF_BACKEND=cpu for the plain cpu backend. bench/train_torch.py measures
// the same model in PyTorch, bench/train-webgpu.ts on a GPU through WebGPU.
// Usage: node dist/bench/train.js [steps, default 20]
import { initTf } from '../src/runtime/tf.js';
import { configureLogger } from '../src/runtime/logger.js';
import { msPerTrainingStep, resultRow } from './train-step.js';

configureLogger({ verbosity: 'quiet' });
const steps = Number(process.argv[2] ?? 20);
const { tf, choice } = await initTf('auto');
console.log(resultRow(`tfjs ${choice.backend}`, await msPerTrainingStep(tf, steps)));
