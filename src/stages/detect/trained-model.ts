// Loads what training saved for one embedder (weights, calibration, thresholds, input normalisation)
// and scores windows of new lines with it.
import fs from 'node:fs';
import path from 'node:path';
import type { CorpusColumns } from '../../io/corpus.js';
import { loadModelFiles } from '../../model/files.js';
import { createWeights } from '../../model/weights.js';
import { PipelineError } from '../../pipeline/errors.js';
import type { DataPaths } from '../../pipeline/paths.js';
import { stageCommand } from '../../pipeline/suggested-command.js';
import type { TfModule } from '../../runtime/tf.js';
import { classScores } from '../train/calibrate.js';
import type { Normalization } from '../train/normalize.js';
import type { ModelParams, WindowParams } from '../train/params.js';
import { rarityFromSaved, rarityOfKnownRows, rowRarity, type RowRarity, type SavedRarity } from '../train/rarity.js';
import { DEFAULT_RARITY_WEIGHT } from '../train/score-mix.js';
import { windowResult } from '../train/score-columns.js';
import { scoreWindows, type Scorer } from '../train/scoring.js';
import type { Window } from '../train/windows.js';

export interface TrainedModel {
  readonly scorer: Scorer;
  /** Rarity of lines (by training vector row) and of steps between templates: unsupervised models score it, supervised ones may read it. */
  readonly rarity: RowRarity | null;
  readonly classes: string[];
  readonly windows: WindowParams;
  readonly normalization: Normalization;
  readonly thresholds: { window: number; line: number; classes: (number | null)[] };
  readonly prototypes: (number[] | null)[];
}

interface SavedConfig {
  training: ModelParams;
  windows: WindowParams;
  classes: string[];
  thresholds: { window: number; line: number; classes: (number | null)[] };
  input_normalization: Normalization;
  calibration: { prototypes: (number[] | null)[]; center: number[] | null; distance_scale: number | null; rarity_weight?: number };
}

export function loadTrainedModel(tf: TfModule, paths: DataPaths, embedder: string): TrainedModel {
  const modelDir = paths.model(embedder);
  const file = path.join(modelDir, 'config.json');
  if (!fs.existsSync(file)) throw new PipelineError('missing_prerequisite', `no trained ${embedder} model in ${modelDir}: run ${stageCommand(paths, `train-${embedder}`)} first`);
  const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedConfig;
  const { config, values } = loadModelFiles(modelDir);
  const scorer: Scorer = { tf, weights: createWeights(tf, config, 0, values), config, model: saved.training, center: saved.calibration.center, distanceScale: saved.calibration.distance_scale, rarity: null, rarityWeight: saved.calibration.rarity_weight ?? DEFAULT_RARITY_WEIGHT };
  const rarityFile = path.join(modelDir, 'rarity.json');
  const savedRarity = JSON.parse(fs.readFileSync(rarityFile, 'utf8')) as SavedRarity | null;
  const steps = savedRarity?.transitions;
  const retrain = `retrain it (${stageCommand(paths, `train-${embedder}`)} --force_restart)`;
  if (steps && steps.vocab !== config.vocab) throw new PipelineError('input', `${rarityFile}: step counts for ${steps.vocab} template ids, the model has ${config.vocab}; ${retrain}`);
  if (config.rarityInput && !savedRarity) throw new PipelineError('input', `${rarityFile}: the model reads line rarity, but the file holds no line counts; ${retrain}`);
  return { scorer, rarity: savedRarity ? rowRarity(rarityFromSaved(savedRarity)) : null, classes: saved.classes, windows: saved.windows, normalization: saved.input_normalization, thresholds: saved.thresholds, prototypes: saved.calibration.prototypes };
}

export interface ScoredWindow {
  readonly score: number;
  readonly lineScores: Float32Array;
  readonly classes: string[];
}

/** Local lines: their template ids (vocab-1 = unseen), normalised vectors, corpus rows (-1 = unseen) and times (NaN = none). */
export interface NewLines {
  readonly templates: Uint32Array;
  readonly vectors: Float32Array;
  readonly knownRows: Int32Array;
  readonly ts: Float64Array;
}

/** Scores windows given as rows of local lines. */
export function scoreNewWindows(model: TrainedModel, windows: Window[], lines: NewLines, batchSize: number): ScoredWindow[] {
  const { templates, vectors, knownRows, ts } = lines;
  const n = templates.length;
  const { config } = model.scorer;
  const corpus: CorpusColumns = {
    lines: n,
    entity: new Uint32Array(n),
    entityNames: ['new'],
    ts,
    template: templates,
    templateCount: config.vocab - 1,
    labelOffsets: new Uint32Array(n + 1),
    labelIds: new Uint16Array(0),
    classes: model.classes,
  };
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  const rarity = model.rarity ? rarityOfKnownRows(model.rarity, knownRows) : null;
  // Unsupervised scores mix rarity in; a supervised model may read it, but its scores are its class probabilities.
  const scored = model.scorer.model.supervision === 'labels' ? null : rarity;
  const rowRarity = config.rarityInput ? rarity?.byRow : undefined;
  const columns = scoreWindows({ ...model.scorer, rarity: scored }, windows, { corpus, vectors, rows, dim: config.inputDim, rowRarity }, batchSize);
  const calibration = { window: model.thresholds.window, prototypes: model.prototypes };
  return windows.map((_, w) => {
    const result = windowResult(columns, w);
    const scores = classScores(result, calibration);
    const classes = model.classes.filter((_, c) => model.thresholds.classes[c] !== null && result.score >= model.thresholds.window && scores[c] >= (model.thresholds.classes[c] as number));
    return { score: result.score, lineScores: result.lineScores, classes };
  });
}
