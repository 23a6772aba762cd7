// How much of an unsupervised window score comes from line rarity and how much from the model (miss
// rate and distance to the centre). Which part separates anomalies better depends on the logs: rare
// lines give away attacks that bring new lines, the model sees bursts and odd orders of common ones.
// The share is picked on the validation split (average precision), never on the test split.
import type { CorpusColumns } from '../../io/corpus.js';
import { averagePrecisionScore } from '../evaluate/metrics/ranking.js';
import type { ScoredSplit } from './calibrate.js';
import { rarityAt, type ScoreColumns } from './score-columns.js';
import { mixedScore } from './scoring.js';
import { windowLabels } from './windows.js';

/** The share used before validation is scored, and kept when no other share does strictly better. */
export const DEFAULT_RARITY_WEIGHT = 0.7;
const CANDIDATES = [DEFAULT_RARITY_WEIGHT, 0, 0.15, 0.3, 0.5, 0.85, 1];

/** The candidate share with the highest validation average precision; the default without labelled validation windows. */
export function chooseRarityWeight(validation: ScoredSplit, corpus: CorpusColumns): { weight: number; averagePrecision: number | null } {
  const truth = validation.windows.map((w) => windowLabels(w, corpus).length > 0);
  const { columns } = validation;
  if (!truth.some(Boolean) || columns.rarity.every(Number.isNaN)) return { weight: DEFAULT_RARITY_WEIGHT, averagePrecision: null };
  let best = { weight: DEFAULT_RARITY_WEIGHT, averagePrecision: -1 };
  for (const weight of CANDIDATES) {
    const averagePrecision = averagePrecisionScore(truth, Array.from(remixed(columns, weight).score)) ?? -1;
    if (averagePrecision > best.averagePrecision) best = { weight, averagePrecision };
  }
  return best;
}

/** Unsupervised columns with their window scores recomputed for another share (the other columns shared). */
export function remixed(columns: ScoreColumns, weight: number): ScoreColumns {
  return { ...columns, score: columns.score.map((_, w) => mixedScore(columns.modelScore[w], rarityAt(columns, w), weight)) };
}
