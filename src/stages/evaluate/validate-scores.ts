// Checks a scores file's columns before evaluation, so a malformed file gives one line that names
// the file and the field, not a NaN deep in a metric.
import { PipelineError } from '../../pipeline/errors.js';
import type { SplitScores } from '../../io/scores-file.js';

function fail(where: string, field: string, problem: string): never {
  throw new PipelineError('input', `${where}: field ${field}: ${problem}; retrain that model (run-pipeline train with its --embedding_type and --force_restart) to rewrite it`);
}

function checkFinite(values: readonly number[], where: string, field: string): void {
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) fail(where, `${field}[${bad}]`, `${String(values[bad])} is not a finite number`);
}

function checkLength(values: readonly unknown[] | undefined, expected: number, where: string, field: string): void {
  if (!Array.isArray(values)) fail(where, field, 'missing');
  if (values.length !== expected) fail(where, field, `has ${values.length} entries where ${expected} were expected`);
}

/** Throws PipelineError('input') naming `where` (e.g. the file) when the columns are inconsistent. */
export function validateScores(scores: SplitScores, where: string): void {
  const { windows, lines, classes, thresholds } = scores;
  if (!Array.isArray(classes)) fail(where, 'classes', 'missing');
  const n = windows?.score?.length ?? fail(where, 'windows.score', 'missing');
  for (const field of ['start', 'end', 'entity', 'class_scores', 'labels'] as const) checkLength(windows[field], n, where, `windows.${field}`);
  checkFinite(windows.score, where, 'windows.score');
  windows.class_scores.forEach((row, i) => {
    checkLength(row, classes.length, where, `windows.class_scores[${i}]`);
    checkFinite(row, where, `windows.class_scores[${i}]`);
  });
  const m = lines?.index?.length ?? fail(where, 'lines.index', 'missing');
  checkLength(lines.score, m, where, 'lines.score');
  checkLength(lines.labels, m, where, 'lines.labels');
  checkFinite(lines.score, where, 'lines.score');
  if (!thresholds || !Number.isFinite(thresholds.window) || !Number.isFinite(thresholds.line)) fail(where, 'thresholds', 'window and line thresholds must be numbers');
  checkLength(thresholds.classes, classes.length, where, 'thresholds.classes');
  checkFinite(thresholds.classes, where, 'thresholds.classes');
  if (windows.cls && windows.cls_index) checkLength(windows.cls_index, windows.cls.length, where, 'windows.cls_index');
}

/** Validation and test must describe the same classes, in the same order. */
export function checkSameClasses(validation: SplitScores, test: SplitScores, embedder: string): void {
  if (JSON.stringify(validation.classes) !== JSON.stringify(test.classes)) {
    throw new PipelineError('input', `${embedder}: scores-validation.json and scores-test.json list different classes (${validation.classes.join(',')} vs ${test.classes.join(',')}); retrain the model`);
  }
}
