// Scoring new lines gives the same window and line scores as training gave the same windows: the
// same vectors, times (time features), rarity (scored, or read by the model) and score mix reach
// the model by both paths, for unsupervised and supervised models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initTf } from '../../../src/runtime/tf.js';
import { scoreNewWindows, type ScoredWindow, type TrainedModel } from '../../../src/stages/detect/trained-model.js';
import type { TrainInputs } from '../../../src/stages/train/batches.js';
import { TrainingLoop } from '../../../src/stages/train/loop.js';
import { lineRarity, rarityByRow, rarityTable, rowRarity } from '../../../src/stages/train/rarity.js';
import { windowResult, type ScoreColumns } from '../../../src/stages/train/score-columns.js';
import { scoreWindows, type Scorer } from '../../../src/stages/train/scoring.js';
import { transformerConfig } from '../../../src/stages/train/train-model.js';
import { splitWindows, type Window } from '../../../src/stages/train/windows.js';
import { configureLogger } from '../../../src/runtime/logger.js';
import { tinyInputs, tinyParams } from '../train/helpers.js';

configureLogger({ verbosity: 'quiet' });

const cases = [['none', 0, false], ['labels', 0, false], ['none', 3, false], ['labels', 3, false], ['labels', 3, true]] as const;

for (const [supervision, context, rarityInput] of cases) {
  test(`new windows score as training scored the same windows (supervision ${supervision}, context ${context}${rarityInput ? ', rarity input' : ''})`, async () => {
    const { tf } = await initTf('auto');
    const plain = tinyInputs();
    const base = tinyParams({ epochs: 2, supervision, rarity_input: rarityInput });
    const params = { ...base, windows: { ...base.windows, context } };
    const split = splitWindows(plain.corpus, params.windows, params.split, params.seed);
    const config = transformerConfig(params, plain.corpus, plain.dim);
    assert.deepEqual([config.timeFeatures, config.window, config.context ?? 0, config.rarityInput ?? false], [4, 8 + 2 * context, context, rarityInput]);
    // As training saves it: rarity for unsupervised models and for models that read it.
    const table = supervision === 'none' || rarityInput ? rarityTable(split.train, plain.rows, plain.corpus.template, config.vocab) : null;
    const byRow = table && rarityByRow(table, plain.vectors.length / plain.dim);
    const inputs: TrainInputs = rarityInput && byRow ? { ...plain, rowRarity: byRow } : plain;
    const loop = new TrainingLoop(tf, config, params, inputs, split);
    const state = await loop.run({ stateDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lad-detect-model-')), resume: false, due: () => false, onCheckpoint: async () => {} });
    const scorer: Scorer = { tf, weights: loop.weights, config, model: params.model, center: state.center, distanceScale: 2, rarity: null, rarityWeight: 0.4 };
    const expected = scoreWindows({ ...scorer, rarity: supervision === 'none' && table && byRow ? lineRarity(table, byRow) : null }, split.test, inputs, 8);
    const model = { scorer, rarity: table && rowRarity(table), classes: ['burst'], thresholds: { window: 0.5, line: 0.5, classes: [0.5] }, prototypes: [null] } as unknown as TrainedModel;
    assertScoresAlike(scoreLikeDetection(model, split.test, inputs), expected);
  });
}

/** Scores `windows` through detection's path: their lines and context laid out as new lines, one local row each. */
function scoreLikeDetection(model: TrainedModel, windows: readonly Window[], inputs: TrainInputs): ScoredWindow[] {
  const lines: number[] = [];
  const add = (part: Uint32Array | undefined) => Uint32Array.from(part ?? [], (line) => lines.push(line) - 1);
  const local = windows.map((w) => ({ entity: w.entity, lines: add(w.lines), context: { before: add(w.context?.before), after: add(w.context?.after) } }));
  const vectors = new Float32Array(lines.length * inputs.dim);
  lines.forEach((line, i) => vectors.set(inputs.vectors.subarray(inputs.rows[line] * inputs.dim, (inputs.rows[line] + 1) * inputs.dim), i * inputs.dim));
  return scoreNewWindows(model, local, {
    templates: Uint32Array.from(lines, (line) => inputs.corpus.template[line]),
    vectors,
    knownRows: Int32Array.from(lines, (line) => inputs.rows[line]),
    ts: Float64Array.from(lines, (line) => inputs.corpus.ts[line]),
  }, 8);
}

function assertScoresAlike(actual: ScoredWindow[], expected: ScoreColumns): void {
  assert.equal(actual.length, expected.count);
  actual.forEach((result, w) => {
    const want = windowResult(expected, w);
    assert.ok(Math.abs(result.score - want.score) < 1e-6, `window ${w}: ${result.score} against ${want.score}`);
    result.lineScores.forEach((score, i) => assert.ok(Math.abs(score - want.lineScores[i]) < 1e-6, `window ${w} line ${i}`));
  });
}
