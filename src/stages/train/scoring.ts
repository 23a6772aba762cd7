// Scores windows and lines with a trained model. Unsupervised: every line is masked once (in
// rotations) and missed when its true template is not in the top g predictions; a window's score
// mixes its miss rate with its [CLS] distance to the centre, and then with the rarity of its rarest
// lines (see score-mix.ts for the share). Supervised: class probabilities.
import { classLogits, forward } from '../../model/forward.js';
import { chosenTemplateLogits, rowsWhere } from '../../model/masked-prediction.js';
import { ownLines, type TransformerConfig } from '../../model/config.js';
import type { Weights } from '../../model/weights.js';
import type { TfModule } from '../../runtime/tf.js';
import { batchArrays, batchTensors, disposeBatch, type TrainInputs } from './batches.js';
import type { ModelParams } from './params.js';
import { emptyScoreColumns, type ScoreColumns } from './score-columns.js';
import { lineRarities, type LineRarity } from './rarity.js';
import type { Window } from './windows.js';

export interface Scorer {
  readonly tf: TfModule;
  readonly weights: Weights;
  readonly config: TransformerConfig;
  readonly model: ModelParams;
  readonly center: number[] | null;
  /** Distance that counts as "far" (a high percentile of training distances); null until known. */
  readonly distanceScale: number | null;
  /** Rarity of lines and of steps between templates under the training distribution (see rarity.ts); null: not used. */
  readonly rarity: LineRarity | null;
  /** Share of the window score that comes from line rarity when a rarity table is known. */
  readonly rarityWeight: number;
}

const SCORE_DISTANCE_WEIGHT = 0.3;
const RARE_LINES = 3;

function rotations(ratio: number): number {
  return Math.max(2, Math.min(8, Math.round(1 / ratio)));
}

/** Per chosen row: the true template's probability, and whether at least g templates are more likely (call inside tf.tidy). */
function topMisses(tf: TfModule, logits: ReturnType<TfModule['tensor']>, targets: ReturnType<TfModule['tensor']>, g: number) {
  const probabilities = tf.softmax(logits);
  const truth = tf.sum(tf.mul(probabilities, tf.oneHot(targets, logits.shape[1]!)), -1);
  const better = tf.sum(tf.cast(tf.greater(probabilities, tf.expandDims(truth, -1)), 'float32'), -1);
  return { truth: truth.dataSync() as Float32Array, missed: tf.greaterEqual(better, g).dataSync() as Uint8Array };
}

/**
 * Masks every k-th line from `r` and scores those lines: 1 - the true template's probability, and
 * a miss when it is not in the top g. Only the masked lines go through the template head.
 */
function scoreRotation(scorer: Scorer, part: readonly Window[], inputs: TrainInputs, r: number, k: number, lineScores: Float32Array[], misses: number[]): void {
  const { tf, weights, config, model } = scorer;
  const arrays = batchArrays(part, inputs, config, (_b, i) => i % k === r);
  const found = rowsWhere(arrays.masked);
  if (found.length === 0) return;
  const batch = batchTensors(tf, arrays, config);
  const { truth, missed } = tf.tidy(() => {
    const rows = tf.tensor1d(found, 'int32');
    const logits = chosenTemplateLogits(tf, weights, forward(tf, weights, config, batch).lines, rows);
    return topMisses(tf, logits, tf.gather(tf.reshape(batch.templates, [-1]), rows), model.top_g);
  });
  disposeBatch(batch);
  found.forEach((at, j) => {
    const b = Math.floor(at / config.window);
    const i = (at % config.window) - arrays.offsets[b];
    lineScores[b][i] = 1 - truth[j];
    misses[b] += missed[j];
  });
}

export function scoreWindows(scorer: Scorer, windows: readonly Window[], inputs: TrainInputs, batchSize: number): ScoreColumns {
  const { tf, weights, config, model } = scorer;
  const supervised = model.supervision === 'labels';
  const own = ownLines(config);
  const columns = emptyScoreColumns(windows.length, { dModel: config.dModel, window: own, classes: config.classes }, supervised && config.classes > 0);
  const k = rotations(model.mask_ratio);
  for (let start = 0; start < windows.length; start += batchSize) {
    const part = windows.slice(start, start + batchSize);
    const plain = batchTensors(tf, batchArrays(part, inputs, config, () => false), config);
    const outputs = tf.tidy(() => {
      const out = forward(tf, weights, config, plain);
      return columns.classProbabilities ? [out.cls, tf.sigmoid(classLogits(tf, weights, out, plain.own))] : [out.cls];
    });
    columns.cls.set(outputs[0].dataSync() as Float32Array, start * config.dModel);
    if (outputs[1]) columns.classProbabilities!.set(outputs[1].dataSync() as Float32Array, start * config.classes);
    tf.dispose(outputs);
    disposeBatch(plain);
    const lineScores = part.map((_, b) => columns.lineScores.subarray((start + b) * own, (start + b + 1) * own));
    const misses = part.map(() => 0);
    if (!supervised) for (let r = 0; r < k; r++) scoreRotation(scorer, part, inputs, r, k, lineScores, misses);
    part.forEach((w, b) => scoreWindow(scorer, columns, start + b, w, misses[b], lineScores[b], inputs));
  }
  return columns;
}

/** Fills window `at`'s row of the columns from its misses, [CLS] vector and line scores. */
function scoreWindow(scorer: Scorer, columns: ScoreColumns, at: number, window: Window, misses: number, lineScores: Float32Array, inputs: TrainInputs): void {
  const { dModel, classes } = columns.shape;
  const count = Math.min(window.lines.length, columns.shape.window);
  const vector = columns.cls.subarray(at * dModel, (at + 1) * dModel);
  const center = scorer.center;
  const distance = center ? Math.sqrt(vector.reduce((sum: number, v: number, d: number) => sum + (v - center[d]) ** 2, 0)) : 0;
  const missRate = misses / Math.max(1, count);
  const far = scorer.distanceScale ? Math.min(1, distance / scorer.distanceScale) : 0;
  const modelScore = (1 - SCORE_DISTANCE_WEIGHT) * missRate + SCORE_DISTANCE_WEIGHT * far;
  const rarities = scorer.rarity ? lineRarities(scorer.rarity, window.lines, inputs.rows, inputs.corpus.template, count) : null;
  if (rarities) rarities.forEach((rarity, i) => (lineScores[i] = Math.max(lineScores[i], rarity)));
  const rare = rarities ? rarestLines(rarities) : null;
  const probabilities = columns.classProbabilities?.subarray(at * classes, (at + 1) * classes);
  columns.score[at] = scorer.model.supervision === 'labels' ? Math.max(0, ...(probabilities ?? [])) : mixedScore(modelScore, rare, scorer.rarityWeight);
  columns.modelScore[at] = modelScore;
  columns.rarity[at] = rare ?? Number.NaN;
  columns.distance[at] = distance;
}

/** The unsupervised window score: the model's part and the rarity part, `rarityWeight` of it rarity. */
export function mixedScore(modelScore: number, rarity: number | null, rarityWeight: number): number {
  return rarity === null ? modelScore : (1 - rarityWeight) * modelScore + rarityWeight * rarity;
}

/** Half the rarest line's rarity, half the mean of the three rarest: one never-seen line, or a few rare ones, make a window stand out. */
function rarestLines(rarities: Float32Array): number {
  const values = Array.from(rarities).sort((a, b) => b - a);
  const top = values.slice(0, RARE_LINES);
  return 0.5 * (values[0] ?? 0) + (0.5 * top.reduce((a, b) => a + b, 0)) / Math.max(1, top.length);
}
