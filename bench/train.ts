// Milliseconds per training step of the anomaly transformer (default shape: d_model 64, 2 layers,
// 4 heads, ff 128, windows of 32 lines of 300-dimensional vectors, batch 32, masked-line loss, Adam)
// on this process's TensorFlow.js backend; run with LAD_TF_BACKEND=cpu for the plain cpu backend.
// bench/train_torch.py measures the same model in PyTorch.
// Usage: node dist/bench/train.js [steps, default 20]
import { createWeights } from '../src/model/weights.js';
import { initTf } from '../src/runtime/tf.js';
import { Random } from '../src/runtime/random.js';
import { unsupervisedLoss } from '../src/stages/train/losses.js';
import type { TransformerConfig } from '../src/model/config.js';
import { configureLogger } from '../src/runtime/logger.js';

configureLogger({ verbosity: 'quiet' });
const steps = Number(process.argv[2] ?? 20);
const batch = 32;
const config: TransformerConfig = { inputDim: 300, dModel: 64, layers: 2, heads: 4, ff: 128, window: 32, vocab: 100, classes: 5 };
const { tf, choice } = await initTf('auto');
const random = new Random(1);
const data = {
  vectors: tf.tensor3d(Float32Array.from({ length: batch * config.window * config.inputDim }, () => random.next() - 0.5), [batch, config.window, config.inputDim]),
  masked: tf.tensor2d(Float32Array.from({ length: batch * config.window }, () => (random.next() < 0.3 ? 1 : 0)), [batch, config.window]),
  present: tf.ones([batch, config.window]) as ReturnType<typeof tf.tensor2d>,
  own: tf.ones([batch, config.window]) as ReturnType<typeof tf.tensor2d>,
  templates: tf.tensor2d(Int32Array.from({ length: batch * config.window }, () => random.int(0, config.vocab - 1)), [batch, config.window], 'int32'),
  labels: tf.zeros([batch, config.classes]) as ReturnType<typeof tf.tensor2d>,
  lineLabels: tf.zeros([batch, config.window, config.classes]) as ReturnType<typeof tf.tensor3d>,
};
const weights = createWeights(tf, config, 1);
const optimizer = tf.train.adam(0.002);
const step = () => tf.tidy(() => optimizer.minimize(() => unsupervisedLoss(tf, weights, config, data, null, 0) as never, true, [...weights.values()])!.dataSync()[0]);
for (let i = 0; i < 3; i++) step();
const started = performance.now();
for (let i = 0; i < steps; i++) step();
const ms = (performance.now() - started) / steps;
console.log(`| tfjs ${choice.backend} | ${ms.toFixed(0)} | ${Math.round((batch * 1000) / ms)} |`);
