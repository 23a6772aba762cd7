// How much of an unsupervised window score comes from line rarity and how much from the model (miss
// rate and distance to the centre). Which part separates anomalies better depends on the logs: rare
// lines give away attacks that bring new lines, the model sees bursts and odd orders of common ones.
// The share is picked on the validation split (average precision), never on the test split.
import type { CorpusColumns } from '../../io/corpus.js';
import { averagePrecisionScore } from '../evaluate/metrics/ranking.js';
import type { ScoredSplit } from './calibrate.js';
import { mixedScore, type WindowResult } from './scoring.js';
import { windowLabels } from './windows.js';

/** The share used before validation is scored, and kept when no other share does strictly better. */
export const DEFAULT_RARITY_WEIGHT = 0.7;
const CANDIDATES = [DEFAULT_RARITY_WEIGHT, 0, 0.15, 0.3, 0.5, 0.85, 1];

/** The candidate share with the highest validation average precision; the default without labelled validation windows. */
export function chooseRarityWeight(validation: ScoredSplit, corpus: CorpusColumns): { weight: number; averagePrecision: number | null } {
  const truth = validation.windows.map((w) => windowLabels(w, corpus).length > 0);
  if (!truth.some(Boolean) || validation.results.every((r) => r.rarity === null)) return { weight: DEFAULT_RARITY_WEIGHT, averagePrecision: null };
  let best = { weight: DEFAULT_RARITY_WEIGHT, averagePrecision: -1 };
  for (const weight of CANDIDATES) {
    const averagePrecision = averagePrecisionScore(truth, validation.results.map((r) => mixedScore(r.modelScore, r.rarity, weight))) ?? -1;
    if (averagePrecision > best.averagePrecision) best = { weight, averagePrecision };
  }
  return best;
}

/** The results with their window scores recomputed for another share. */
export function remixed(results: readonly WindowResult[], weight: number): WindowResult[] {
  return results.map((r) => (r.classProbabilities ? r : { ...r, score: mixedScore(r.modelScore, r.rarity, weight) }));
}
