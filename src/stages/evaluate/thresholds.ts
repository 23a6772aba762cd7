// Which thresholds evaluation applies to the test split: the model's own, or F1-optimal ones
// chosen on the validation split (never on test; a supervised class with too few validation
// examples keeps the model's). The choice and its reasons travel with the result.
import type { SplitScores } from '../../io/scores-file.js';
import { marginedF1Threshold, tooFewToFit } from './metrics/threshold.js';
import { column, labelMatrix } from './metrics/multilabel.js';

export interface ThresholdSet {
  readonly window: number;
  readonly line: number;
  readonly classes: number[];
}

export type ThresholdMode = 'model' | 'f1_optimal_on_validation';

export interface ThresholdChoice {
  readonly mode: ThresholdMode;
  /** Thresholds applied to the test split. */
  readonly applied: ThresholdSet;
  /** The model's own thresholds, for comparison. */
  readonly model: ThresholdSet;
  /** Validation F1 at each chosen threshold (null where the model's threshold was kept). */
  readonly validation_f1: { readonly window: number | null; readonly line: number | null; readonly classes: (number | null)[] } | null;
  /** Why a model threshold was kept in optimise mode, e.g. a class absent from validation. */
  readonly notes: string[];
}

function modelThresholds(scores: SplitScores): ThresholdSet {
  return { window: scores.thresholds.window, line: scores.thresholds.line, classes: [...scores.thresholds.classes] };
}

/** F1-optimal threshold on validation (with a margin below), or the fallback (with a note) when validation has no positive. */
function optimise(yTrue: boolean[], yScore: number[], fallback: number, what: string, notes: string[]): { threshold: number; f1: number | null } {
  const best = marginedF1Threshold(yTrue, yScore);
  if (best === null) {
    notes.push(`${what}: validation has no positive examples; the model's threshold ${fallback} is kept`);
    return { threshold: fallback, f1: null };
  }
  return { threshold: best.threshold, f1: best.f1 };
}

export function chooseThresholds(validation: SplitScores, optimizeThresholds: boolean): ThresholdChoice {
  const model = modelThresholds(validation);
  if (!optimizeThresholds) return { mode: 'model', applied: model, model, validation_f1: null, notes: [] };
  const notes: string[] = [];
  const windowTruth = validation.windows.labels.map((ids) => ids.length > 0);
  const lineTruth = validation.lines.labels.map((ids) => ids.length > 0);
  const window = optimise(windowTruth, validation.windows.score, model.window, 'window anomaly', notes);
  const line = optimise(lineTruth, validation.lines.score, model.line, 'line anomaly', notes);
  const truth = labelMatrix(validation.windows.labels, validation.classes.length);
  const classes = validation.classes.map((name, c) => {
    const classTruth = column(truth, c);
    const few = validation.mode === 'supervised' ? tooFewToFit(classTruth) : null;
    if (!few) return optimise(classTruth, column(validation.windows.class_scores, c), model.classes[c], `class ${name}`, notes);
    notes.push(`class ${name}: ${few}; the model's threshold ${model.classes[c]} is kept`);
    return { threshold: model.classes[c], f1: null };
  });
  return {
    mode: 'f1_optimal_on_validation',
    applied: { window: window.threshold, line: line.threshold, classes: classes.map((c) => c.threshold) },
    model,
    validation_f1: { window: window.f1, line: line.f1, classes: classes.map((c) => c.f1) },
    notes,
  };
}
