// The anomaly transformer's timed training step, shared by bench/train.ts (this process's
// backend) and bench/train-webgpu.ts. Default shape: d_model 64, 2 layers, 4 heads, ff 128,
// windows of 32 lines of 300-dimensional vectors, batch 32, masked-line loss, Adam.
import { rowsWhere } from '../src/model/masked-prediction.js';
import { createWeights } from '../src/model/weights.js';
import { Random } from '../src/runtime/random.js';
import { disposeBatch } from '../src/stages/train/batches.js';
import { unsupervisedLoss } from '../src/stages/train/losses.js';
import type { TransformerConfig } from '../src/model/config.js';
import type { TfModule } from '../src/runtime/tf.js';

export const BATCH = 32;
const config: TransformerConfig = { inputDim: 300, dModel: 64, layers: 2, heads: 4, ff: 128, window: 32, vocab: 100, classes: 5 };

/**
 * Mean milliseconds per step over `steps` steps after three warm-up steps, with `batch` windows
 * each, and the first step's loss: the same on every backend, up to float rounding.
 */
export async function msPerTrainingStep(tf: TfModule, steps: number, batch = BATCH): Promise<{ ms: number; cpuMs: number; firstLoss: number }> {
  const random = new Random(1);
  const masked = Float32Array.from({ length: batch * config.window }, () => (random.next() < 0.3 ? 1 : 0));
  const data = {
    vectors: tf.tensor3d(Float32Array.from({ length: batch * config.window * config.inputDim }, () => random.next() - 0.5), [batch, config.window, config.inputDim]),
    masked: tf.tensor2d(masked, [batch, config.window]),
    maskedRows: rowsWhere(masked),
    present: tf.ones([batch, config.window]) as ReturnType<typeof tf.tensor2d>,
    own: tf.ones([batch, config.window]) as ReturnType<typeof tf.tensor2d>,
    templates: tf.tensor2d(Int32Array.from({ length: batch * config.window }, () => random.int(0, config.vocab - 1)), [batch, config.window], 'int32'),
    labels: tf.zeros([batch, config.classes]) as ReturnType<typeof tf.tensor2d>,
    lineLabels: tf.zeros([batch, config.window, config.classes]) as ReturnType<typeof tf.tensor3d>,
  };
  const weights = createWeights(tf, config, 1);
  const optimizer = tf.train.adam(0.002);
  // Reading the loss back each step waits for the device, so GPU steps are timed whole.
  const step = async () => {
    const loss = tf.tidy(() => optimizer.minimize(() => unsupervisedLoss(tf, weights, config, data, null, 0) as never, true, [...weights.values()])!);
    const [value] = await loss.data();
    loss.dispose();
    return value;
  };
  const firstLoss = await step();
  for (let i = 0; i < 2; i++) await step();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < steps; i++) await step();
  const { user, system } = process.cpuUsage(cpu);
  const ms = (performance.now() - started) / steps;
  // Several batch sizes run in one process: free this one's tensors, weights and Adam state.
  disposeBatch(data);
  tf.dispose([...weights.values()]);
  optimizer.dispose();
  return { ms, cpuMs: (user + system) / 1000 / steps, firstLoss };
}

/** One row of the results table: implementation, ms per step, windows per second, first loss. */
export function resultRow(name: string, timing: { ms: number; firstLoss: number }, batch = BATCH): string {
  return `| ${name} | ${timing.ms.toFixed(1)} | ${Math.round((batch * 1000) / timing.ms)} | ${timing.firstLoss.toFixed(5)} |`;
}
