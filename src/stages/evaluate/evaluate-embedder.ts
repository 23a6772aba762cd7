// Metrics of one embedder's model on the test split, at window and line level, with the
// thresholds chosen by thresholds.ts. Pure: scores in, a JSON-ready result out.
import type { SplitScores } from '../../io/scores-file.js';
import { binaryMetrics, macroAverage, microAverage, subsetAccuracy, type AveragedMetrics, type BinaryMetrics } from './metrics/classification.js';
import { column, flatten, labelMatrix } from './metrics/multilabel.js';
import { chooseThresholds, type ThresholdChoice } from './thresholds.js';
import { curvePair, type CurvePair } from './curves.js';
import { checkSameClasses, validateScores } from './validate-scores.js';

export interface EmbedderScores {
  readonly embedder: string;
  readonly validation: SplitScores;
  readonly test: SplitScores;
}

export interface Ranked {
  readonly auc_roc: number | null;
  readonly auc_pr: number | null;
}

export interface ClassReport extends BinaryMetrics, Ranked {
  readonly class: string;
  readonly threshold: number;
}

export interface WindowLevel {
  readonly count: number;
  readonly threshold: number;
  readonly binary: BinaryMetrics & Ranked;
  readonly per_class: ClassReport[];
  readonly micro: AveragedMetrics & Ranked;
  readonly macro: AveragedMetrics & Ranked;
  /** Windows whose predicted class set equals the true set exactly. */
  readonly subset_accuracy: number | null;
  readonly curves: { readonly overall: CurvePair; readonly classes: Record<string, CurvePair> };
}

export interface LineClassDetection {
  readonly class: string;
  readonly support: number;
  readonly status: BinaryMetrics['status'];
  /** Lines of this class flagged anomalous (score >= line threshold); lines carry no class scores. */
  readonly detected: number;
  readonly recall: number | null;
}

export interface LineLevel {
  readonly count: number;
  readonly threshold: number;
  readonly binary: BinaryMetrics & Ranked;
  readonly per_class: LineClassDetection[];
  readonly curves: { readonly overall: CurvePair };
}

export interface EmbedderEvaluation {
  readonly embedder: string;
  readonly mode: SplitScores['mode'];
  readonly classes: string[];
  readonly thresholds: ThresholdChoice;
  readonly window: WindowLevel;
  readonly line: LineLevel;
}

const ranked = (pair: CurvePair): Ranked => ({ auc_roc: pair.auc_roc, auc_pr: pair.auc_pr });

function meanDefined(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

function windowLevel(test: SplitScores, choice: ThresholdChoice, maxPoints: number): WindowLevel {
  const { windows, classes } = test;
  const threshold = choice.applied.window;
  const truth = windows.labels.map((ids) => ids.length > 0);
  const overall = curvePair(truth, windows.score, maxPoints);
  const binary = { ...binaryMetrics(truth, windows.score.map((s) => s >= threshold)), ...ranked(overall) };
  const classTruth = labelMatrix(windows.labels, classes.length);
  const classPred = windows.class_scores.map((row) => row.map((s, c) => s >= choice.applied.classes[c]));
  const curves: Record<string, CurvePair> = {};
  const perClass = classes.map((name, c): ClassReport => {
    curves[name] = curvePair(column(classTruth, c), column(windows.class_scores, c), maxPoints);
    const metrics = binaryMetrics(column(classTruth, c), column(classPred, c));
    return { class: name, threshold: choice.applied.classes[c], ...metrics, ...ranked(curves[name]) };
  });
  const micro = curvePair(flatten(classTruth), flatten(windows.class_scores), 2);
  return {
    count: windows.score.length,
    threshold,
    binary,
    per_class: perClass,
    micro: { ...microAverage(perClass), ...ranked(micro) },
    // Macro AUCs average the classes where they are defined (sklearn would refuse the others).
    macro: { ...macroAverage(perClass, classes), auc_roc: meanDefined(perClass.map((c) => c.auc_roc)), auc_pr: meanDefined(perClass.map((c) => c.auc_pr)) },
    subset_accuracy: subsetAccuracy(classTruth, classPred),
    curves: { overall, classes: curves },
  };
}

function lineLevel(test: SplitScores, choice: ThresholdChoice, maxPoints: number): LineLevel {
  const { lines, classes } = test;
  const threshold = choice.applied.line;
  const truth = lines.labels.map((ids) => ids.length > 0);
  const flagged = lines.score.map((s) => s >= threshold);
  const overall = curvePair(truth, lines.score, maxPoints);
  const classTruth = labelMatrix(lines.labels, classes.length);
  const perClass = classes.map((name, c): LineClassDetection => {
    let support = 0, detected = 0;
    classTruth.forEach((row, i) => {
      if (!row[c]) return;
      support++;
      if (flagged[i]) detected++;
    });
    return support === 0
      ? { class: name, support, status: 'no positive examples', detected, recall: null }
      : { class: name, support, status: 'ok', detected, recall: detected / support };
  });
  return { count: lines.score.length, threshold, binary: { ...binaryMetrics(truth, flagged), ...ranked(overall) }, per_class: perClass, curves: { overall } };
}

export function evaluateEmbedder(scores: EmbedderScores, optimizeThresholds: boolean, maxCurvePoints: number): EmbedderEvaluation {
  validateScores(scores.validation, `${scores.embedder} scores-validation.json`);
  validateScores(scores.test, `${scores.embedder} scores-test.json`);
  checkSameClasses(scores.validation, scores.test, scores.embedder);
  const thresholds = chooseThresholds(scores.validation, optimizeThresholds);
  return {
    embedder: scores.embedder,
    mode: scores.test.mode,
    classes: [...scores.test.classes],
    thresholds,
    window: windowLevel(scores.test, thresholds, maxCurvePoints),
    line: lineLevel(scores.test, thresholds, maxCurvePoints),
  };
}
