// Thresholded classification metrics as scikit-learn computes them, with zero_division=0 made explicit:
// a class with no positive example gets status "no positive examples" and null metrics, never 0 or NaN.

/** sklearn's confusion_matrix layout for labels [negative, positive]: [[tn, fp], [fn, tp]]. */
export interface Confusion {
  readonly tn: number;
  readonly fp: number;
  readonly fn: number;
  readonly tp: number;
}

export type ClassStatus = 'ok' | 'no positive examples';

export interface BinaryMetrics {
  /** Positive examples (sklearn's support). */
  readonly support: number;
  readonly predicted_positive: number;
  readonly status: ClassStatus;
  readonly accuracy: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly confusion: Confusion;
  /** Why a value was set by zero_division=0 (e.g. no predicted positives), so no 0 is silent. */
  readonly notes: string[];
}

export interface AveragedMetrics {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
  /** Positive examples summed over the classes averaged. */
  readonly support: number;
  /** Classes left out of a macro average because they have no positive example. */
  readonly excluded_classes: string[];
}

export function confusion(yTrue: readonly boolean[], yPred: readonly boolean[]): Confusion {
  if (yTrue.length !== yPred.length) throw new RangeError(`labels (${yTrue.length}) and predictions (${yPred.length}) differ in length`);
  let tn = 0, fp = 0, fn = 0, tp = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i]) yPred[i] ? tp++ : fn++;
    else yPred[i] ? fp++ : tn++;
  }
  return { tn, fp, fn, tp };
}

/** Precision, recall and F1 from counts with sklearn's zero_division=0 rule. */
export function prf(counts: Pick<Confusion, 'tp' | 'fp' | 'fn'>): { precision: number; recall: number; f1: number } {
  const { tp, fp, fn } = counts;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  // sklearn: F = (1 + b^2) tp / ((1 + b^2) tp + b^2 fn + fp), 0 when the denominator is 0.
  const denominator = 2 * tp + fn + fp;
  const f1 = denominator === 0 || tp === 0 ? 0 : (2 * tp) / denominator;
  return { precision, recall, f1 };
}

export function binaryMetrics(yTrue: readonly boolean[], yPred: readonly boolean[]): BinaryMetrics {
  const counts = confusion(yTrue, yPred);
  const support = counts.tp + counts.fn;
  const predicted = counts.tp + counts.fp;
  const total = yTrue.length;
  const accuracy = total === 0 ? null : (counts.tp + counts.tn) / total;
  if (support === 0) {
    return { support, predicted_positive: predicted, status: 'no positive examples', accuracy, precision: null, recall: null, f1: null, confusion: counts, notes: [] };
  }
  const notes = predicted === 0 ? ['no predicted positives: precision and F1 are 0 (zero_division=0)'] : [];
  return { support, predicted_positive: predicted, status: 'ok', accuracy, ...prf(counts), confusion: counts, notes };
}

/** Micro average over classes: counts summed, then P/R/F1 (sklearn average="micro"). */
export function microAverage(perClass: readonly BinaryMetrics[]): AveragedMetrics {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const m of perClass) {
    sum.tp += m.confusion.tp;
    sum.fp += m.confusion.fp;
    sum.fn += m.confusion.fn;
  }
  const support = sum.tp + sum.fn;
  if (support === 0) return { precision: null, recall: null, f1: null, support, excluded_classes: [] };
  return { ...prf(sum), support, excluded_classes: [] };
}

/**
 * Unweighted mean over the classes that have positive examples (sklearn average="macro" with
 * labels= those classes); classes without any are listed rather than averaged in as 0.
 */
export function macroAverage(perClass: readonly BinaryMetrics[], classNames: readonly string[]): AveragedMetrics {
  const used = perClass.filter((m) => m.status === 'ok');
  const excluded = classNames.filter((_, i) => perClass[i].status !== 'ok');
  const support = used.reduce((total, m) => total + m.support, 0);
  if (used.length === 0) return { precision: null, recall: null, f1: null, support, excluded_classes: excluded };
  const mean = (pick: (m: BinaryMetrics) => number | null) => used.reduce((total, m) => total + (pick(m) ?? 0), 0) / used.length;
  return { precision: mean((m) => m.precision), recall: mean((m) => m.recall), f1: mean((m) => m.f1), support, excluded_classes: excluded };
}

/** Share of samples whose predicted label set equals the true set exactly (sklearn multilabel accuracy_score). */
export function subsetAccuracy(yTrue: readonly (readonly boolean[])[], yPred: readonly (readonly boolean[])[]): number | null {
  if (yTrue.length === 0) return null;
  let exact = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i].every((v, c) => v === yPred[i][c])) exact++;
  return exact / yTrue.length;
}
