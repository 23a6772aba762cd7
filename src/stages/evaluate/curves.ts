// ROC and precision-recall curves as stored in detailed_metrics.json and drawn in the charts:
// sklearn's points, thinned evenly (ends kept) to a bounded count so large splits stay small.
import { averagePrecisionFromCurve, precisionRecallCurve, rocCurve, trapezoidArea } from './metrics/ranking.js';

export interface CurvePair {
  /** Null when undefined: ROC needs positives and negatives, PR needs positives. */
  readonly roc: { fpr: number[]; tpr: number[]; thresholds: number[]; downsampled: boolean } | null;
  readonly pr: { precision: number[]; recall: number[]; downsampled: boolean } | null;
  readonly auc_roc: number | null;
  readonly auc_pr: number | null;
}

/** Evenly spaced indexes 0..length-1, first and last included, at most `limit` of them. */
export function thinIndexes(length: number, limit: number): number[] {
  if (length <= limit) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: limit }, (_, i) => Math.round((i * (length - 1)) / (limit - 1)));
}

function thin<T extends Record<string, number[]>>(columns: T, limit: number): T & { downsampled: boolean } {
  const length = Object.values(columns)[0].length;
  const keep = thinIndexes(length, limit);
  const out = Object.fromEntries(Object.entries(columns).map(([key, values]) => [key, keep.map((i) => values[i])]));
  return { ...(out as T), downsampled: keep.length < length };
}

export function curvePair(yTrue: readonly boolean[], yScore: readonly number[], maxPoints: number): CurvePair {
  const roc = rocCurve(yTrue, yScore);
  const pr = precisionRecallCurve(yTrue, yScore);
  return {
    roc: roc === null ? null : thin({ fpr: roc.fpr, tpr: roc.tpr, thresholds: roc.thresholds }, maxPoints),
    pr: pr === null ? null : thin({ precision: pr.precision, recall: pr.recall }, maxPoints),
    // Areas from the full curves, before thinning (same values as rocAucScore / averagePrecisionScore).
    auc_roc: roc === null ? null : trapezoidArea(roc.fpr, roc.tpr),
    auc_pr: pr === null ? null : averagePrecisionFromCurve(pr),
  };
}
