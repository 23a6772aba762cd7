// The training loop: seeded batches, Adam, optionally a moving average of the weights, early
// stopping on validation loss, the hypersphere centre fixed after the first epoch, and checkpoints
// (weights, their average, Adam state, position, best weights) that a resumed run continues from exactly.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../../io/atomic-write.js';
import { adamState, restoreAdam, type AdamState } from '../../model/adam-state.js';
import { forward } from '../../model/forward.js';
import { ownLines, type TransformerConfig } from '../../model/config.js';
import { assignWeightValues, createWeights, packWeightValues, unpackWeightValues, weightValues, type Weights } from '../../model/weights.js';
import { Random } from '../../runtime/random.js';
import type { TfModule } from '../../runtime/tf.js';
import { batchArrays, batchTensors, type TrainInputs } from './batches.js';
import { positiveWeight, supervisedLoss, unsupervisedLoss, type PositiveWeights } from './losses.js';
import type { TrainParams } from './params.js';
import { WeightAverage } from './weight-average.js';
import { windowLabels, type Window } from './windows.js';

export interface LoopState {
  epoch: number;
  batch: number;
  step: number;
  center: number[] | null;
  bestLoss: number;
  badEpochs: number;
  history: { epoch: number; train_loss: number; validation_loss: number }[];
  epochLoss: number;
  done: boolean;
}

export interface LoopHooks {
  readonly stateDir: string;
  readonly resume: boolean;
  due(fraction: number): boolean;
  onCheckpoint(fraction: number): Promise<void>;
  onProgress?(p: { epoch: number; step: number; loss: number; windowsPerSecond: number; fraction: number }): void;
}

const seedOf = (...parts: number[]) => parts.reduce((h, p) => Math.imul(h ^ p, 2654435761) >>> 0, 0x9e3779b9);

function shuffled(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = new Random(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Masks for a batch: seeded per (epoch, batch), so a resumed run draws the same ones; at least one line per window. */
export function maskChooser(seed: number, ratio: number, lengths: readonly number[]): (b: number, i: number) => boolean {
  const random = new Random(seed);
  const masks = lengths.map((length) => {
    const mask = Array.from({ length }, () => random.next() < ratio);
    if (!mask.some(Boolean) && length > 0) mask[Math.floor(random.next() * length)] = true;
    return mask;
  });
  return (b, i) => masks[b][i] ?? false;
}

export class TrainingLoop {
  readonly weights: Weights;
  readonly optimizer;
  private best: Map<string, Float32Array> | null = null;
  private positiveWeights: PositiveWeights;
  private readonly average: WeightAverage | null;

  constructor(
    private readonly tf: TfModule,
    readonly config: TransformerConfig,
    private readonly params: TrainParams,
    private readonly inputs: TrainInputs,
    private readonly windows: { train: Window[]; validation: Window[] },
  ) {
    this.weights = createWeights(tf, config, params.seed);
    this.optimizer = tf.train.adam(params.model.learning_rate);
    this.average = params.model.ema_decay > 0 ? new WeightAverage(tf, this.weights, params.model.ema_decay) : null;
    const weights = this.classWeights();
    this.positiveWeights = { window: tf.tensor1d(weights.window), line: tf.tensor1d(weights.line) };
  }

  /** pos_weight per class (see positiveWeight), over training windows and over their lines. Counted from the labels alone, so memory stays flat. */
  private classWeights(): { window: number[]; line: number[] } {
    const { labelOffsets, labelIds } = this.inputs.corpus;
    const classes = Math.max(1, this.config.classes);
    const windows = new Array(classes).fill(0);
    const lines = new Array(classes).fill(0);
    let lineCount = 0;
    for (const w of this.windows.train) {
      for (const line of w.lines.subarray(0, ownLines(this.config))) {
        lineCount++;
        for (let k = labelOffsets[line]; k < labelOffsets[line + 1]; k++) lines[labelIds[k]]++;
      }
      for (const label of windowLabels(w, this.inputs.corpus)) windows[label]++;
    }
    const weigh = (positives: number[], total: number) => positives.map((p) => positiveWeight(p, total));
    return { window: weigh(windows, this.windows.train.length), line: weigh(lines, lineCount) };
  }

  private lossOf(batch: ReturnType<typeof batchTensors>, center: ReturnType<TfModule['tensor']> | null) {
    const { tf, weights, config, params } = this;
    return params.model.supervision === 'labels' ? supervisedLoss(tf, weights, config, batch, this.positiveWeights) : unsupervisedLoss(tf, weights, config, batch, center, params.model.hypersphere_weight);
  }

  /** Unsupervised batches hide lines to predict; supervised ones hide none, as scoring does: a hidden line may be the one that carries the label. */
  private batchOf(windows: Window[], seed: number) {
    const mask = this.params.model.supervision === 'labels' ? () => false : maskChooser(seed, this.params.model.mask_ratio, windows.map((w) => Math.min(w.lines.length, ownLines(this.config))));
    return batchTensors(this.tf, batchArrays(windows, this.inputs, this.config, mask), this.config);
  }

  validationLoss(center: number[] | null): number {
    const { tf } = this;
    const size = this.params.batchSize;
    let total = 0;
    let count = 0;
    const windows = this.capped(this.windows.validation);
    for (let start = 0; start < windows.length; start += size) {
      const part = windows.slice(start, start + size);
      total += tf.tidy(() => {
        const batch = this.batchOf(part, seedOf(this.params.seed, 7, start));
        return (this.lossOf(batch, center ? tf.tensor1d(center) : null).dataSync()[0] as number) * part.length;
      });
      count += part.length;
    }
    return count ? total / count : 0;
  }

  /** With max_train_windows, an evenly spread subset of that many windows stands for a whole split. */
  private capped(windows: Window[]): Window[] {
    const step = Math.max(1, Math.ceil(windows.length / (this.params.model.max_train_windows ?? Infinity)));
    return step === 1 ? windows : windows.filter((_, i) => i % step === 0);
  }

  /** Mean [CLS] of the training windows (or their capped subset), nothing masked: the hypersphere centre. */
  centre(): number[] {
    const { tf } = this;
    const sum = new Float64Array(this.config.dModel);
    const size = this.params.batchSize;
    const windows = this.capped(this.windows.train);
    for (let start = 0; start < windows.length; start += size) {
      const part = windows.slice(start, start + size);
      const cls = tf.tidy(() => forward(tf, this.weights, this.config, batchTensors(tf, batchArrays(part, this.inputs, this.config, () => false), this.config)).cls.sum(0).dataSync());
      cls.forEach((v, k) => (sum[k] += v));
    }
    return Array.from(sum, (v) => v / Math.max(1, windows.length));
  }

  async saveState(dir: string, state: LoopState): Promise<void> {
    fs.mkdirSync(dir, { recursive: true });
    const values = await weightValues(this.weights);
    writeFileAtomicSync(path.join(dir, 'weights.bin'), packWeightValues(values));
    if (this.average) writeFileAtomicSync(path.join(dir, 'average.bin'), packWeightValues(await this.average.values()));
    if (this.best) writeFileAtomicSync(path.join(dir, 'best.bin'), packWeightValues(this.best));
    writeJsonAtomicSync(path.join(dir, 'optimizer.json'), await adamState(this.optimizer));
    writeJsonAtomicSync(path.join(dir, 'loop.json'), state);
  }

  async loadState(dir: string): Promise<LoopState | null> {
    const file = path.join(dir, 'loop.json');
    if (!fs.existsSync(file)) return null;
    const unpack = (bytes: Buffer) => unpackWeightValues(bytes, this.weights);
    assignWeightValues(this.tf, this.weights, unpack(fs.readFileSync(path.join(dir, 'weights.bin'))));
    if (fs.existsSync(path.join(dir, 'best.bin'))) this.best = unpack(fs.readFileSync(path.join(dir, 'best.bin')));
    const averageFile = path.join(dir, 'average.bin');
    this.average?.restore(fs.existsSync(averageFile) ? unpack(fs.readFileSync(averageFile)) : null);
    await restoreAdam(this.tf, this.optimizer, JSON.parse(fs.readFileSync(path.join(dir, 'optimizer.json'), 'utf8')) as AdamState);
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as LoopState;
    // JSON writes Infinity as null: a state saved before any validation has no best loss yet.
    return { ...state, bestLoss: state.bestLoss ?? Infinity };
  }

  async run(hooks: LoopHooks): Promise<LoopState> {
    const { tf, params } = this;
    const state: LoopState = (hooks.resume ? await this.loadState(hooks.stateDir) : null) ?? { epoch: 0, batch: 0, step: 0, center: null, bestLoss: Infinity, badEpochs: 0, history: [], epochLoss: 0, done: false };
    const perEpochWindows = Math.min(this.windows.train.length, params.model.max_train_windows ?? Infinity);
    const perEpoch = Math.ceil(perEpochWindows / params.batchSize);
    const totalSteps = perEpoch * params.model.epochs;
    const started = Date.now();
    const startStep = state.step;
    const variables = [...this.weights.values()];
    while (!state.done && state.epoch < params.model.epochs) {
      const order = shuffled(this.windows.train.length, seedOf(params.seed, state.epoch)).slice(0, perEpochWindows);
      for (; state.batch < perEpoch; state.batch++) {
        const part = order.slice(state.batch * params.batchSize, (state.batch + 1) * params.batchSize).map((i) => this.windows.train[i]);
        const loss = tf.tidy(() => {
          const batch = this.batchOf(part, seedOf(params.seed, state.epoch, state.batch));
          const center = state.center ? tf.tensor1d(state.center) : null;
          return this.optimizer.minimize(() => this.lossOf(batch, center) as never, true, variables)!.dataSync()[0] as number;
        });
        this.average?.update(state.step + 1);
        state.epochLoss += loss * part.length;
        state.step++;
        const fraction = state.step / totalSteps;
        hooks.onProgress?.({ epoch: state.epoch + 1, step: state.step, loss, windowsPerSecond: ((state.step - startStep) * params.batchSize) / Math.max(0.001, (Date.now() - started) / 1000), fraction });
        if (hooks.due(fraction)) {
          await this.saveState(hooks.stateDir, { ...state, batch: state.batch + 1 });
          await hooks.onCheckpoint(fraction);
        }
      }
      await this.endEpoch(state);
    }
    if (this.best) assignWeightValues(tf, this.weights, this.best);
    else this.average?.replaceWeights();
    return state;
  }

  /** Frees the weights and their average: for models trained only to be compared (tuning). */
  dispose(): void {
    this.tf.dispose([...this.weights.values()]);
    this.average?.dispose();
  }

  /**
   * The epoch's end judges (and keeps as the best) the averaged weights when there is an average;
   * an unsupervised centre is then taken from them too, as they are the weights that get scored.
   */
  private async endEpoch(state: LoopState): Promise<void> {
    await (this.average ? this.average.swappedIn(() => this.judgeEpoch(state)) : this.judgeEpoch(state));
    state.epoch++;
    state.batch = 0;
    state.epochLoss = 0;
  }

  private async judgeEpoch(state: LoopState): Promise<void> {
    const { params } = this;
    if (params.model.supervision === 'none' && state.center === null && params.model.hypersphere_weight > 0) state.center = this.centre();
    // Compared without the hypersphere term, whose centre only exists from the second epoch on.
    const validation = this.validationLoss(null);
    const seen = Math.min(this.windows.train.length, params.model.max_train_windows ?? Infinity);
    state.history.push({ epoch: state.epoch + 1, train_loss: state.epochLoss / Math.max(1, seen), validation_loss: validation });
    if (validation < state.bestLoss - 1e-6) {
      state.bestLoss = validation;
      state.badEpochs = 0;
      this.best = await weightValues(this.weights);
    } else if (++state.badEpochs >= params.model.patience) state.done = true;
  }
}
