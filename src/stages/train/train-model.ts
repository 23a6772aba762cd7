// Trains the anomaly transformer on one embedder's line vectors and scores validation and test:
// windows and split, the loop (optionally after a small tuning search), calibration, files.
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomicSync } from '../../io/atomic-write.js';
import type { CorpusColumns } from '../../io/corpus.js';
import { writeScores } from '../../io/scores-file.js';
import type { TransformerConfig } from '../../model/config.js';
import { saveModelFiles } from '../../model/files.js';
import { weightValues } from '../../model/weights.js';
import { logger } from '../../runtime/logger.js';
import type { BackendChoice, TfModule } from '../../runtime/tf.js';
import type { TrainInputs } from './batches.js';
import { calibrate, splitScores } from './calibrate.js';
import { TrainingLoop, type LoopHooks } from './loop.js';
import type { Normalization } from './normalize.js';
import type { TrainParams } from './params.js';
import { scoreWindows, type Scorer } from './scoring.js';
import { tuneModel } from './tune.js';
import { lineRarity, rarityByRow, rarityTable, savedRarity } from './rarity.js';
import { readsLabelledLine, splitWindows, type SplitWindows } from './windows.js';
import { TIME_FEATURES } from './time-features.js';
import { chooseRarityWeight, DEFAULT_RARITY_WEIGHT, remixed } from './score-mix.js';

export interface TrainJob {
  readonly tf: TfModule;
  readonly backend: BackendChoice;
  readonly inputs: TrainInputs;
  readonly params: TrainParams;
  readonly embedder: string;
  readonly modelDir: string;
  readonly dataHash: string;
  readonly hooks: LoopHooks;
  readonly normalization: Normalization;
}

/**
 * Unsupervised training on `normal` windows leaves out training windows that read a labelled line
 * when there are labels: in their own lines or in their context, so normal is all the model sees.
 */
function trainingWindows(split: SplitWindows, params: TrainParams, corpus: CorpusColumns): SplitWindows {
  if (params.model.supervision === 'labels' || params.model.train_on === 'all') return split;
  const normal = split.train.filter((window) => !readsLabelledLine(window, corpus));
  if (normal.length === split.train.length || normal.length === 0) return split;
  logger().info({ kept: normal.length, left_out: split.train.length - normal.length }, 'unsupervised training on the unlabelled training windows');
  return { ...split, train: normal };
}

export function transformerConfig(params: TrainParams, corpus: CorpusColumns, inputDim: number): TransformerConfig {
  const m = params.model;
  const context = params.windows.context;
  const shape = { inputDim, dModel: m.d_model, layers: m.layers, heads: m.heads, ff: m.ff, window: params.windows.size + 2 * context, vocab: corpus.templateCount + 1, classes: corpus.classes.length, timeFeatures: m.time_features ? TIME_FEATURES : 0 };
  return { ...shape, ...(context ? { context } : {}), ...(m.rarity_input ? { rarityInput: true } : {}) };
}

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 1;
}

/** Says why training ended, which history.json records too: early stopping or the epoch limit. */
function logTrainingEnd(embedder: string, epochs: number, stoppedEarly: boolean, patience: number, bestLoss: number): void {
  const why = stoppedEarly ? `stopped early after epoch ${epochs}: the validation loss did not improve for ${patience} epoch${patience === 1 ? '' : 's'}` : `trained all ${epochs} epochs`;
  logger().info({ embedder, best_validation_loss: +bestLoss.toPrecision(4) }, why);
}

export async function trainAndScore(job: TrainJob): Promise<{ outputs: string[]; summary: Record<string, unknown> }> {
  const { tf, embedder, modelDir } = job;
  const split = trainingWindows(splitWindows(job.inputs.corpus, job.params.windows, job.params.split, job.params.seed, job.inputs.session), job.params, job.inputs.corpus);
  const { mode, stride, train_stride } = job.params.windows;
  // The strides say why training may have more windows than the 60/20/20 split suggests.
  logger().info({ embedder, train: split.train.length, validation: split.validation.length, test: split.test.length, ...(mode === 'count' ? { stride, train_stride } : {}) }, 'windows');
  // Rarity as the training windows show it: a model input with model.rarity_input, part of the score when unsupervised.
  const rarity = rarityTable(split.train, job.inputs.rows, job.inputs.corpus.template, job.inputs.corpus.templateCount + 1);
  const rowRarity = rarityByRow(rarity, job.inputs.vectors.length / job.inputs.dim);
  const inputs = job.params.model.rarity_input ? { ...job.inputs, rowRarity } : job.inputs;
  const params = job.params.model.tune ? await tuneModel(tf, job.params, inputs, split) : job.params;
  const config = transformerConfig(params, inputs.corpus, inputs.dim);
  const loop = new TrainingLoop(tf, config, params, inputs, split);
  const state = await loop.run(job.hooks);
  // Patience can run out on the last epoch too; that is not stopping early.
  const stoppedEarly = state.done && state.history.length < params.model.epochs;
  logTrainingEnd(embedder, state.history.length, stoppedEarly, params.model.patience, state.bestLoss);
  const supervised = params.model.supervision === 'labels';
  const base: Scorer = { tf, weights: loop.weights, config, model: params.model, center: state.center, distanceScale: null, rarity: supervised ? null : lineRarity(rarity, rowRarity), rarityWeight: params.model.rarity_weight ?? DEFAULT_RARITY_WEIGHT };
  const trainSample = split.train.filter((_, i) => i % Math.max(1, Math.ceil(split.train.length / 400)) === 0);
  const distances = state.center ? Array.from(scoreWindows({ ...base, model: { ...params.model, supervision: 'labels' } }, trainSample, inputs, params.batchSize).distance) : [];
  const scorer: Scorer = { ...base, distanceScale: distances.length ? percentile(distances, 0.95) : null };
  const scored = { windows: split.validation, columns: scoreWindows(scorer, split.validation, inputs, params.batchSize) };
  const mix = !supervised && params.model.rarity_weight === null ? chooseRarityWeight(scored, inputs.corpus) : { weight: scorer.rarityWeight, averagePrecision: null };
  if (mix.averagePrecision !== null) logger().info({ embedder, rarity_weight: mix.weight, validation_average_precision: +mix.averagePrecision.toFixed(3) }, 'window score mix chosen on validation');
  const validation = { windows: split.validation, columns: supervised ? scored.columns : remixed(scored.columns, mix.weight) };
  const test = { windows: split.test, columns: scoreWindows({ ...scorer, rarityWeight: mix.weight }, split.test, inputs, params.batchSize) };
  const calibration = calibrate(validation, inputs.corpus, supervised, params.optimizeThresholds);
  calibration.notes.forEach((note) => logger().info({ embedder }, note));
  fs.mkdirSync(modelDir, { recursive: true });
  const files = [
    ...saveModelFiles(modelDir, config, await weightValues(loop.weights)),
    writeScores(modelDir, splitScores('validation', embedder, validation, inputs.corpus, calibration, supervised)),
    writeScores(modelDir, splitScores('test', embedder, test, inputs.corpus, calibration, supervised)),
  ];
  const configFile = path.join(modelDir, 'config.json');
  writeJsonAtomicSync(configFile, {
    architecture: config,
    training: params.model,
    windows: params.windows,
    split: { ...params.split, random_split_warning: params.split.method === 'random' ? 'windows were split at random: overlapping windows can share lines across splits' : null },
    classes: inputs.corpus.classes,
    thresholds: { window: calibration.window, line: calibration.line, classes: calibration.classes.map((t) => (Number.isFinite(t) ? t : null)) },
    input_normalization: job.normalization,
    calibration: { prototypes: calibration.prototypes, center: state.center, distance_scale: scorer.distanceScale, rarity_weight: mix.weight, notes: calibration.notes },
    data_hash: job.dataHash,
    backend: job.backend,
    embedder,
  });
  const rarityFile = path.join(modelDir, 'rarity.json');
  // Detection needs the counts wherever the model reads or scores rarity.
  writeJsonAtomicSync(rarityFile, !supervised || config.rarityInput ? savedRarity(rarity) : null);
  const historyFile = path.join(modelDir, 'history.json');
  writeJsonAtomicSync(historyFile, { epochs: state.history, steps: state.step, stopped_early: stoppedEarly, best_validation_loss: state.bestLoss });
  return {
    outputs: [...files, configFile, rarityFile, historyFile],
    summary: { windows: { train: split.train.length, validation: split.validation.length, test: split.test.length }, epochs: state.history.length, steps: state.step, best_validation_loss: state.bestLoss, backend: job.backend.backend, supervision: params.model.supervision },
  };
}
