// Calibration on validation columns (thresholds, prototypes, class thresholds) and the scores file
// written from them, read back value by value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CorpusColumns } from '../../../src/io/corpus.js';
import { readScores, writeScores } from '../../../src/io/scores-file.js';
import { calibrate, splitScores, type ScoredSplit } from '../../../src/stages/train/calibrate.js';
import { emptyScoreColumns } from '../../../src/stages/train/score-columns.js';

/**
 * Six lines of one entity in three windows of two, scored by a model whose windows hold three lines
 * (the third slot of each is padding, with a score that must be ignored); line 3 is a `burst`,
 * `quiet` has no example.
 */
function validation(supervised = false): { corpus: CorpusColumns; split: ScoredSplit } {
  const corpus = {
    lines: 6,
    classes: ['burst', 'quiet'],
    labelOffsets: Uint32Array.of(0, 0, 0, 0, 1, 1, 1),
    labelIds: Uint16Array.of(0),
  } as unknown as CorpusColumns;
  const windows = [0, 2, 4].map((first) => ({ entity: 'e', lines: Uint32Array.of(first, first + 1) }));
  const columns = emptyScoreColumns(3, { dModel: 2, window: 3, classes: 2 }, supervised);
  columns.score.set([0.1, 0.9, 0.2]);
  columns.cls.set([1, 0, 0, 1, 1, 0]);
  columns.lineScores.set([0.1, 0.2, 9, 0.3, 0.8, 9, 0.05, 0.4, 9]);
  columns.classProbabilities?.set([0.1, 0.05, 0.9, 0.3, 0.2, 0.1]);
  return { corpus, split: { windows, columns } };
}

const round = (values: Iterable<number>) => Array.from(values, (v) => Math.round(v * 1e6) / 1e6);

test('thresholds sit midway below the F1-optimal validation score; prototypes are the mean [CLS] of each class', () => {
  const { corpus, split } = validation();
  const calibration = calibrate(split, corpus, false, false);
  assert.deepEqual(round([calibration.window, calibration.line]), [0.55, 0.6]);
  assert.deepEqual(calibration.prototypes, [[0, 1], null]);
  // Class scores 0.09, 1, 0.18 (evidence times cosine): F1-optimal at 1, midway down to 0.18.
  assert.deepEqual(round(calibration.classes), [round([(1 + 0.2 / 0.55 / 2) / 2])[0], Infinity]);
  assert.deepEqual(calibration.notes, ['class quiet: no example in validation; it is never predicted']);
});

test('the scores file holds every window and line of the split with its labels and class scores', () => {
  const { corpus, split } = validation();
  const calibration = calibrate(split, corpus, false, false);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-calibrate-'));
  writeScores(dir, splitScores('validation', 'fasttext', split, corpus, calibration, false));
  const scores = readScores(dir, 'validation');
  assert.deepEqual(scores.windows.start, [0, 2, 4]);
  assert.deepEqual(scores.windows.end, [2, 4, 6]);
  assert.deepEqual(scores.windows.entity, ['e', 'e', 'e']);
  assert.deepEqual(scores.windows.score, [0.1, 0.9, 0.2]);
  assert.deepEqual(scores.windows.labels, [[], [0], []]);
  // Evidence (score over the window threshold, at most 1) times the [CLS] cosine to the prototype, in [0, 1].
  assert.deepEqual(scores.windows.class_scores.map(round), [[0.1 / 0.55 / 2, 0], [1, 0], [0.2 / 0.55 / 2, 0]].map(round));
  assert.deepEqual(scores.windows.cls, [[1, 0], [0, 1], [1, 0]]);
  assert.deepEqual(scores.windows.cls_index, [0, 1, 2]);
  assert.deepEqual(scores.lines.index, [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(scores.lines.score, [0.1, 0.2, 0.3, 0.8, 0.05, 0.4].map(Math.fround));
  assert.deepEqual(scores.lines.labels, [[], [], [], [0], [], []]);
  assert.deepEqual(round([scores.thresholds.window, scores.thresholds.line, ...scores.thresholds.classes]), [0.55, 0.6, round([(1 + 0.2 / 0.55 / 2) / 2])[0], 1e9]);
});

test('a line in two windows keeps the higher of its two scores', () => {
  const { corpus, split } = validation();
  const overlapping = { ...split, windows: [split.windows[0], { entity: 'e', lines: Uint32Array.of(1, 2) }, split.windows[2]] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-calibrate-'));
  writeScores(dir, splitScores('test', 'fasttext', overlapping, corpus, calibrate(overlapping, corpus, false, false), false));
  const scores = readScores(dir, 'test');
  assert.deepEqual(scores.lines.index, [0, 1, 2, 4, 5]);
  assert.deepEqual(scores.lines.score, [0.1, 0.3, 0.8, 0.05, 0.4].map(Math.fround));
});

test('supervised: thresholds 0.5 unless optimised on validation, and every line takes its window\'s score', () => {
  const { corpus, split } = validation(true);
  const fixed = calibrate(split, corpus, true, false);
  assert.deepEqual([fixed.window, fixed.line, ...fixed.classes], [0.5, 0.5, 0.5, 0.5]);
  assert.deepEqual(fixed.prototypes, [null, null]);
  const optimised = calibrate(split, corpus, true, true);
  assert.deepEqual(round([optimised.window, optimised.line]), [0.55, 0.55]);
  // burst has one positive validation window, too few to fit a threshold to; quiet has none.
  assert.deepEqual(optimised.classes, [0.5, Infinity]);
  assert.deepEqual(optimised.notes, ['class burst: 1 positive validation window, fewer than the 20 a fitted threshold needs; it keeps 0.5', 'class quiet: no example in validation; it is never predicted']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-calibrate-'));
  writeScores(dir, splitScores('test', 'fasttext', split, corpus, optimised, true));
  const scores = readScores(dir, 'test');
  assert.deepEqual(scores.lines.score, [0.1, 0.1, 0.9, 0.9, 0.2, 0.2].map(Math.fround));
  assert.deepEqual(scores.windows.class_scores, [[0.1, 0.05], [0.9, 0.3], [0.2, 0.1]].map((row) => row.map(Math.fround)));
});

/** Supervised validation of two-line windows: the first `positives` hold a burst line and score 0.4 for it, the rest 0.1. */
function supervisedWindows(count: number, positives: number): { corpus: CorpusColumns; split: ScoredSplit } {
  const labelOffsets = new Uint32Array(2 * count + 1);
  for (let line = 0; line < 2 * count; line++) labelOffsets[line + 1] = labelOffsets[line] + (line % 2 === 0 && line / 2 < positives ? 1 : 0);
  const corpus = { lines: 2 * count, classes: ['burst'], labelOffsets, labelIds: new Uint16Array(positives) } as unknown as CorpusColumns;
  const windows = Array.from({ length: count }, (_, w) => ({ entity: 'e', lines: Uint32Array.of(2 * w, 2 * w + 1) }));
  const columns = emptyScoreColumns(count, { dModel: 2, window: 2, classes: 1 }, true);
  const scores = Array.from({ length: count }, (_, w) => (w < positives ? 0.4 : 0.1));
  columns.score.set(scores);
  columns.classProbabilities?.set(scores);
  return { corpus, split: { windows, columns } };
}

test('supervised: a class threshold is fitted to validation from 20 positive windows on, and stays 0.5 below that', () => {
  const enough = supervisedWindows(40, 20);
  const fitted = calibrate(enough.split, enough.corpus, true, true);
  // F1 1 from 0.4 down to just above 0.1, placed midway: 0.25.
  assert.deepEqual(round(fitted.classes), [0.25]);
  assert.deepEqual(fitted.notes, []);
  const few = supervisedWindows(40, 19);
  assert.deepEqual(calibrate(few.split, few.corpus, true, true).classes, [0.5]);
});
