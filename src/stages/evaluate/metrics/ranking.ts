// Score-ranking metrics defined exactly as scikit-learn 1.2 defines them: roc_curve, roc_auc_score,
// precision_recall_curve, average_precision_score. Undefined values are null, never NaN.

/** Cumulative counts at each distinct score, from the highest score down (sklearn's _binary_clf_curve). */
export interface ClfCurve {
  readonly fps: number[];
  readonly tps: number[];
  /** Distinct scores, decreasing; a sample is predicted positive at threshold t when score >= t. */
  readonly thresholds: number[];
}

export interface RocCurve {
  readonly fpr: number[];
  readonly tpr: number[];
  /** First entry is max score + 1 (sklearn 1.2), so the curve starts at (0, 0). */
  readonly thresholds: number[];
}

export interface PrCurve {
  /** Recall decreasing; the last point is (recall 0, precision 1) with no threshold, as sklearn. */
  readonly precision: number[];
  readonly recall: number[];
  /** Increasing; one fewer than precision/recall. */
  readonly thresholds: number[];
}

/** Indexes of `scores` ordered by decreasing score (ties keep any order: they are grouped below). */
function descendingOrder(scores: readonly number[]): number[] {
  const order = Array.from(scores.keys());
  order.sort((a, b) => scores[b] - scores[a] || b - a);
  return order;
}

export function binaryClfCurve(yTrue: readonly boolean[], yScore: readonly number[]): ClfCurve {
  if (yTrue.length !== yScore.length) throw new RangeError(`labels (${yTrue.length}) and scores (${yScore.length}) differ in length`);
  const order = descendingOrder(yScore);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let positives = 0;
  for (let rank = 0; rank < order.length; rank++) {
    if (yTrue[order[rank]]) positives++;
    const score = yScore[order[rank]];
    const lastOfGroup = rank === order.length - 1 || yScore[order[rank + 1]] !== score;
    if (!lastOfGroup) continue;
    tps.push(positives);
    fps.push(rank + 1 - positives);
    thresholds.push(score);
  }
  return { fps, tps, thresholds };
}

/** Keeps the corners of the curve only (sklearn's drop_intermediate=True): collinear points go. */
function dropIntermediate(curve: ClfCurve): ClfCurve {
  const { fps, tps, thresholds } = curve;
  if (fps.length <= 2) return curve;
  const keep = (i: number) =>
    i === 0 || i === fps.length - 1 ||
    fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0;
  const kept = Array.from(fps.keys()).filter(keep);
  return { fps: kept.map((i) => fps[i]), tps: kept.map((i) => tps[i]), thresholds: kept.map((i) => thresholds[i]) };
}

/** ROC curve, or null when it is undefined (no positive or no negative example). */
export function rocCurve(yTrue: readonly boolean[], yScore: readonly number[]): RocCurve | null {
  if (yTrue.length === 0) return null;
  const curve = dropIntermediate(binaryClfCurve(yTrue, yScore));
  const fps = [0, ...curve.fps];
  const tps = [0, ...curve.tps];
  const totalNeg = fps[fps.length - 1];
  const totalPos = tps[tps.length - 1];
  if (totalNeg <= 0 || totalPos <= 0) return null;
  return {
    fpr: fps.map((v) => v / totalNeg),
    tpr: tps.map((v) => v / totalPos),
    thresholds: [curve.thresholds[0] + 1, ...curve.thresholds],
  };
}

/** Trapezoidal area under a curve whose x is monotonic (sklearn.metrics.auc). */
export function trapezoidArea(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

/** Area under the ROC curve (ties count half, through the grouped thresholds); null with one class only. */
export function rocAucScore(yTrue: readonly boolean[], yScore: readonly number[]): number | null {
  const curve = rocCurve(yTrue, yScore);
  return curve === null ? null : trapezoidArea(curve.fpr, curve.tpr);
}

/** Precision-recall pairs for every distinct threshold; null when there is no positive example. */
export function precisionRecallCurve(yTrue: readonly boolean[], yScore: readonly number[]): PrCurve | null {
  if (yTrue.length === 0) return null;
  const { fps, tps, thresholds } = binaryClfCurve(yTrue, yScore);
  const totalPos = tps[tps.length - 1];
  if (totalPos === 0) return null;
  const precision = tps.map((tp, i) => (tp + fps[i] === 0 ? 0 : tp / (tp + fps[i])));
  const recall = tps.map((tp) => tp / totalPos);
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recall.reverse(), 0],
    thresholds: [...thresholds].reverse(),
  };
}

/** sklearn's average precision: sum over thresholds of (R_n - R_{n-1}) * P_n; null without positives. */
export function averagePrecisionScore(yTrue: readonly boolean[], yScore: readonly number[]): number | null {
  const curve = precisionRecallCurve(yTrue, yScore);
  return curve === null ? null : averagePrecisionFromCurve(curve);
}

/** Step integral of a precision-recall curve (its last point is precision 1 at recall 0). */
export function averagePrecisionFromCurve(curve: PrCurve): number {
  let sum = 0;
  for (let i = 0; i < curve.recall.length - 1; i++) sum += (curve.recall[i + 1] - curve.recall[i]) * curve.precision[i];
  return -sum;
}
