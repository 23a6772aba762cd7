// Trains LogBERT from scratch: masked-language modelling on distinct masked lines drawn by their
// frequency, Adam with linear warm-up and decay, validation on held-out lines with early stopping,
// and checkpoints (weights, Adam state, step, best weights) to resume from after a crash.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../../io/atomic-write.js';
import { adamState, restoreAdam, type AdamState } from '../../model/adam-state.js';
import type { TransformerConfig } from '../../model/config.js';
import { forward } from '../../model/forward.js';
import { maskedPredictionLoss } from '../../model/masked-prediction.js';
import { assignWeightValues, createWeights, packWeightValues, unpackWeightValues, weightValues, type Weights } from '../../model/weights.js';
import { Random } from '../../runtime/random.js';
import type { TfModule } from '../../runtime/tf.js';
import { mlmArrays, mlmTensors } from './batch.js';
import type { LogBertParams } from './params.js';
import { trainTokenizer, type WordPieceTokenizer } from './tokenizer.js';

export interface LogBertRun {
  readonly tf: TfModule;
  readonly lines: readonly string[];
  readonly counts: Uint32Array;
  readonly params: LogBertParams;
  readonly seed: number;
  readonly stateDir: string;
  readonly resume: boolean;
  due(fraction: number): boolean;
  onCheckpoint(fraction: number): Promise<void>;
  onProgress?(p: { step: number; loss: number; stepsPerSecond: number; fraction: number }): void;
}

export interface TrainedLogBert {
  readonly config: TransformerConfig;
  readonly weights: Weights;
  readonly tokenizer: WordPieceTokenizer;
  readonly summary: { steps: number; trainLoss: number; validationLoss: number; frequencyBaselineLoss: number; resumedFromStep: number | null; stoppedEarly: boolean };
}

interface State {
  step: number;
  bestLoss: number;
  badChecks: number;
  lastLoss: number;
  stopped: boolean;
}

const seedOf = (...parts: number[]) => parts.reduce((h, p) => Math.imul(h ^ p, 2654435761) >>> 0, 0x2545f491);
const VALIDATION_CHECKS = 10;

/** Mean cross-entropy of the original token at each chosen position. */
export function mlmLoss(tf: TfModule, w: Weights, config: TransformerConfig, batch: ReturnType<typeof mlmTensors>) {
  const out = forward(tf, w, config, { vectors: batch.vectors, masked: batch.masked, present: batch.present });
  return maskedPredictionLoss(tf, w, out.lines, batch.targets, batch.chosenRows);
}

/** Cumulative weights for drawing lines by their frequency. */
function sampler(indexes: number[], counts: Uint32Array): (random: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const i of indexes) cumulative.push((total += counts[i]));
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return indexes[lo];
  };
}

/** Cross-entropy of predicting each chosen token by its training frequency: the loss to beat. */
function frequencyBaseline(encoded: number[][], train: number[], validation: number[][], vocab: number, window: number): number {
  const frequency = new Float64Array(vocab).fill(1);
  for (const i of train) encoded[i].slice(1, window + 1).forEach((id) => frequency[id]++);
  const total = frequency.reduce((a, b) => a + b, 0);
  let loss = 0;
  let n = 0;
  for (const line of validation) for (const id of line.slice(1, window + 1)) if (id !== 0) {
    loss -= Math.log(frequency[id] / total);
    n++;
  }
  return n ? loss / n : 0;
}

export async function trainLogBert(run: LogBertRun): Promise<TrainedLogBert> {
  const { tf, params } = run;
  const tokenizer = trainTokenizer(run.lines, run.counts, params.vocab_size);
  const config: TransformerConfig = { inputDim: tokenizer.vocab.length, dModel: params.hidden, layers: params.layers, heads: params.heads, ff: params.ff, window: params.max_tokens - 1, vocab: tokenizer.vocab.length, classes: 0 };
  const encoded = run.lines.map((line) => tokenizer.encode(line, params.max_tokens));
  const holdout = new Random(seedOf(run.seed, 1));
  const all = run.lines.map((_, i) => i);
  const validationIndex = all.length > 10 ? all.filter(() => holdout.next() < params.validation_share) : [];
  const held = new Set(validationIndex);
  const trainIndex = all.filter((i) => !held.has(i));
  const draw = sampler(trainIndex.length ? trainIndex : all, run.counts);
  const weights = createWeights(tf, config, run.seed);
  const optimizer = tf.train.adam(params.learning_rate);
  const variables = [...weights.values()];
  // With too few distinct lines to hold some out, validation uses the training lines (the summary says so).
  const validationLines = (validationIndex.length ? validationIndex : all).slice(0, 256).map((i) => encoded[i]);
  const validationArrays = mlmArrays(validationLines, config.window, config.vocab, params.mlm_probability, new Random(seedOf(run.seed, 2)));
  const validationTargets = Int32Array.from(mlmArrays(validationLines, config.window, config.vocab, 0, null).ids);
  const state: State = { step: 0, bestLoss: Infinity, badChecks: 0, lastLoss: NaN, stopped: false };
  let best: Map<string, Float32Array> | null = null;
  let resumedFromStep: number | null = null;
  if (run.resume && fs.existsSync(path.join(run.stateDir, 'state.json'))) {
    Object.assign(state, JSON.parse(fs.readFileSync(path.join(run.stateDir, 'state.json'), 'utf8')));
    // JSON writes Infinity as null: a state saved before any validation has no best loss yet.
    state.bestLoss ??= Infinity;
    best = await restore(tf, run.stateDir, weights, optimizer);
    resumedFromStep = state.step;
  }
  const validate = () => (validationLines.length ? tf.tidy(() => mlmLoss(tf, weights, config, mlmTensors(tf, validationArrays, validationTargets, config)).dataSync()[0]) : NaN);
  const checkEvery = Math.max(1, Math.floor(params.steps / VALIDATION_CHECKS));
  const started = Date.now();
  const startStep = state.step;
  while (!state.stopped && state.step < params.steps) {
    const random = new Random(seedOf(run.seed, 3, state.step));
    const lines = Array.from({ length: params.batch_size }, () => encoded[draw(random)]);
    const arrays = mlmArrays(lines, config.window, config.vocab, params.mlm_probability, random);
    const targets = Int32Array.from(mlmArrays(lines, config.window, config.vocab, 0, null).ids);
    const warm = Math.max(1, Math.round(params.warmup * params.steps));
    (optimizer as unknown as { learningRate: number }).learningRate = params.learning_rate * (state.step < warm ? (state.step + 1) / warm : Math.max(0.05, (params.steps - state.step) / (params.steps - warm)));
    state.lastLoss = tf.tidy(() => optimizer.minimize(() => mlmLoss(tf, weights, config, mlmTensors(tf, arrays, targets, config)) as never, true, variables)!.dataSync()[0]);
    state.step++;
    if (state.step % checkEvery === 0 || state.step === params.steps) {
      const loss = validate();
      if (loss < state.bestLoss - 1e-4) {
        state.bestLoss = loss;
        state.badChecks = 0;
        best = await weightValues(weights);
      } else if (++state.badChecks >= params.patience) state.stopped = true;
    }
    const fraction = state.step / params.steps;
    run.onProgress?.({ step: state.step, loss: state.lastLoss, stepsPerSecond: (state.step - startStep) / Math.max(0.001, (Date.now() - started) / 1000), fraction });
    if (run.due(fraction)) {
      await save(run.stateDir, weights, optimizer, best, state);
      await run.onCheckpoint(fraction);
    }
  }
  if (best) assignWeightValues(tf, weights, best);
  const baseline = frequencyBaseline(encoded, trainIndex, validationLines, config.vocab, config.window);
  return { config, weights, tokenizer, summary: { steps: state.step, trainLoss: state.lastLoss, validationLoss: state.bestLoss, frequencyBaselineLoss: baseline, resumedFromStep, stoppedEarly: state.stopped } };
}

async function save(dir: string, weights: Weights, optimizer: ReturnType<TfModule['train']['adam']>, best: Map<string, Float32Array> | null, state: State): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(path.join(dir, 'weights.bin'), packWeightValues(await weightValues(weights)));
  if (best) writeFileAtomicSync(path.join(dir, 'best.bin'), packWeightValues(best));
  writeJsonAtomicSync(path.join(dir, 'optimizer.json'), await adamState(optimizer));
  writeJsonAtomicSync(path.join(dir, 'state.json'), state);
}

async function restore(tf: TfModule, dir: string, weights: Weights, optimizer: ReturnType<TfModule['train']['adam']>): Promise<Map<string, Float32Array> | null> {
  const unpack = (bytes: Buffer) => unpackWeightValues(bytes, weights);
  assignWeightValues(tf, weights, unpack(fs.readFileSync(path.join(dir, 'weights.bin'))));
  await restoreAdam(tf, optimizer, JSON.parse(fs.readFileSync(path.join(dir, 'optimizer.json'), 'utf8')) as AdamState);
  return fs.existsSync(path.join(dir, 'best.bin')) ? unpack(fs.readFileSync(path.join(dir, 'best.bin'))) : null;
}
