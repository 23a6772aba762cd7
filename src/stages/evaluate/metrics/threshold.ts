// F1-optimal threshold selection over the precision-recall curve of one split (validation).
// Ties in F1 go to the highest threshold, i.e. the fewest alarms for the same F1. A supervised
// class with only a few positive validation windows keeps the model's own threshold instead.
import { precisionRecallCurve } from './ranking.js';

export interface OptimalThreshold {
  /** Predict positive when score >= threshold. */
  readonly threshold: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

/** The F1-maximising threshold, or null when the split has no positive example to optimise for. */
export function f1OptimalThreshold(yTrue: readonly boolean[], yScore: readonly number[]): OptimalThreshold | null {
  const curve = precisionRecallCurve(yTrue, yScore);
  if (curve === null) return null;
  let best: OptimalThreshold | null = null;
  // thresholds increase along the curve, so ">=" lets a later (higher) threshold win a tie.
  for (let i = 0; i < curve.thresholds.length; i++) {
    const precision = curve.precision[i];
    const recall = curve.recall[i];
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (best === null || f1 >= best.f1) best = { threshold: curve.thresholds[i], f1, precision, recall };
  }
  return best;
}

/**
 * The F1-optimal threshold moved midway down to the next lower validation score: the same
 * validation F1, and a margin for test scores that fall just below the lowest one it flagged.
 * Null when the split has no positive example.
 */
export function marginedF1Threshold(yTrue: readonly boolean[], yScore: readonly number[]): OptimalThreshold | null {
  const best = f1OptimalThreshold(yTrue, yScore);
  if (best === null) return null;
  const below = yScore.reduce((max, score) => (score < best.threshold && score > max ? score : max), -Infinity);
  return Number.isFinite(below) ? { ...best, threshold: (best.threshold + below) / 2 } : best;
}

/**
 * Fewest positive validation windows a supervised class needs before its threshold is fitted to
 * them. Below that they come from one or two incidents in overlapping windows, and an F1-optimal
 * threshold follows those few scores: on the committed samples (3-10 such windows a class) it did
 * worse on test than the sigmoid's own 0.5 in 26 of 33 runs.
 */
export const MIN_POSITIVES_TO_FIT = 20;

/** Why a supervised class's threshold is not fitted to these validation labels, or null when it can be (or there is no positive at all). */
export function tooFewToFit(yTrue: readonly boolean[]): string | null {
  const positives = yTrue.filter(Boolean).length;
  return positives > 0 && positives < MIN_POSITIVES_TO_FIT ? `${positives} positive validation window${positives === 1 ? '' : 's'}, fewer than the ${MIN_POSITIVES_TO_FIT} a fitted threshold needs` : null;
}
