// Scores windows and lines with a trained model. Unsupervised: every line is masked once (in
// rotations) and missed when its true template is not in the top g predictions; a window's score
// mixes its miss rate with its [CLS] distance to the centre, and then with the rarity of its rarest
// lines (see score-mix.ts for the share). Supervised: class probabilities.
import { classLogits, forward, templateLogits } from '../../model/forward.js';
import type { TransformerConfig } from '../../model/config.js';
import type { Weights } from '../../model/weights.js';
import type { TfModule } from '../../runtime/tf.js';
import { batchArrays, batchTensors, type TrainInputs } from './batches.js';
import type { ModelParams } from './params.js';
import type { Window } from './windows.js';

export interface WindowResult {
  readonly score: number;
  /** Unsupervised: the model's part of the score (miss rate and distance to the centre), in [0, 1]. */
  readonly modelScore: number;
  /** Unsupervised: the rarity of the window's rarest lines, or null without a rarity table. */
  readonly rarity: number | null;
  readonly missRate: number;
  readonly distance: number;
  readonly cls: Float32Array;
  readonly classProbabilities: Float32Array | null;
  /** Per line of the window: 1 - p(true template) when it was masked. */
  readonly lineScores: Float32Array;
}

export interface Scorer {
  readonly tf: TfModule;
  readonly weights: Weights;
  readonly config: TransformerConfig;
  readonly model: ModelParams;
  readonly center: number[] | null;
  /** Distance that counts as "far" (a high percentile of training distances); null until known. */
  readonly distanceScale: number | null;
  /** Rarity of each line vector row under the training distribution (see rarity.ts); null: not used. */
  readonly rarity: Float32Array | null;
  /** Share of the window score that comes from line rarity when a rarity table is known. */
  readonly rarityWeight: number;
}

const SCORE_DISTANCE_WEIGHT = 0.3;
const RARE_LINES = 3;

function rotations(ratio: number): number {
  return Math.max(2, Math.min(8, Math.round(1 / ratio)));
}

function topMisses(tf: TfModule, logits: ReturnType<TfModule['tensor']>, batch: ReturnType<typeof batchTensors>, g: number) {
  return tf.tidy(() => {
    const probabilities = tf.softmax(logits);
    const truth = tf.sum(tf.mul(probabilities, tf.oneHot(batch.templates, logits.shape[2]!)), -1);
    // Missed when at least g templates are more likely than the true one.
    const better = tf.sum(tf.cast(tf.greater(probabilities, tf.expandDims(truth, -1)), 'float32'), -1);
    return { truth: truth.dataSync() as Float32Array, missed: tf.greaterEqual(better, g).dataSync() as Uint8Array };
  });
}

export function scoreWindows(scorer: Scorer, windows: readonly Window[], inputs: TrainInputs, batchSize: number): WindowResult[] {
  const { tf, weights, config, model } = scorer;
  const results: WindowResult[] = [];
  const k = rotations(model.mask_ratio);
  for (let start = 0; start < windows.length; start += batchSize) {
    const part = windows.slice(start, start + batchSize);
    const plain = batchTensors(tf, batchArrays(part, inputs, config, () => false), config);
    const outputs = tf.tidy(() => {
      const out = forward(tf, weights, config, plain);
      return model.supervision === 'labels' ? [out.cls, tf.sigmoid(classLogits(tf, weights, out, plain.present))] : [out.cls];
    });
    // One copy per batch, handed out as views: a buffer per window would cost more than its data.
    const cls = new Float32Array(outputs[0].dataSync() as Float32Array);
    const probabilities = outputs[1] ? (outputs[1].dataSync() as Float32Array) : null;
    tf.dispose(outputs);
    Object.values(plain).forEach((t) => t.dispose());
    const lineBuffer = new Float32Array(part.length * config.window);
    const lineScores = part.map((_, b) => lineBuffer.subarray(b * config.window, (b + 1) * config.window));
    const misses = part.map(() => 0);
    if (model.supervision === 'none') {
      for (let r = 0; r < k; r++) {
        const arrays = batchArrays(part, inputs, config, (_b, i) => i % k === r);
        const batch = batchTensors(tf, arrays, config);
        const { truth, missed } = tf.tidy(() => topMisses(tf, templateLogits(tf, weights, config, forward(tf, weights, config, batch).lines), batch, model.top_g));
        Object.values(batch).forEach((t) => t.dispose());
        part.forEach((w, b) => {
          for (let i = r; i < Math.min(w.lines.length, config.window); i += k) {
            lineScores[b][i] = 1 - truth[b * config.window + i];
            misses[b] += missed[b * config.window + i];
          }
        });
      }
    }
    part.forEach((w, b) => {
      const vector = cls.subarray(b * config.dModel, (b + 1) * config.dModel);
      const center = scorer.center;
      const distance = center ? Math.sqrt(vector.reduce((sum: number, v: number, d: number) => sum + (v - center[d]) ** 2, 0)) : 0;
      const missRate = misses[b] / Math.max(1, Math.min(w.lines.length, config.window));
      const classProbabilities = probabilities ? probabilities.slice(b * config.classes, (b + 1) * config.classes) : null;
      const far = scorer.distanceScale ? Math.min(1, distance / scorer.distanceScale) : 0;
      const modelScore = (1 - SCORE_DISTANCE_WEIGHT) * missRate + SCORE_DISTANCE_WEIGHT * far;
      const rare = scorer.rarity ? rarestLines(scorer.rarity, w.lines, inputs.rows, Math.min(w.lines.length, config.window)) : null;
      if (rare) for (let i = 0; i < Math.min(w.lines.length, config.window); i++) lineScores[b][i] = Math.max(lineScores[b][i], scorer.rarity![inputs.rows[w.lines[i]]]);
      const score = classProbabilities ? Math.max(0, ...classProbabilities) : mixedScore(modelScore, rare, scorer.rarityWeight);
      results.push({ score, modelScore, rarity: rare, missRate, distance, cls: vector, classProbabilities, lineScores: lineScores[b] });
    });
  }
  return results;
}

/** The unsupervised window score: the model's part and the rarity part, `rarityWeight` of it rarity. */
export function mixedScore(modelScore: number, rarity: number | null, rarityWeight: number): number {
  return rarity === null ? modelScore : (1 - rarityWeight) * modelScore + rarityWeight * rarity;
}

/** Half the rarest line's rarity, half the mean of the three rarest: one never-seen line, or a few rare ones, make a window stand out. */
function rarestLines(rarity: Float32Array, lines: Uint32Array, rows: Uint32Array, count: number): number {
  const values = Array.from(lines.subarray(0, count), (line) => rarity[rows[line]]).sort((a, b) => b - a);
  const top = values.slice(0, RARE_LINES);
  return 0.5 * (values[0] ?? 0) + (0.5 * top.reduce((a, b) => a + b, 0)) / Math.max(1, top.length);
}
