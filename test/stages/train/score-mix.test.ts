// The rarity share of unsupervised window scores: picked by validation average precision, the
// default kept on ties and without labelled validation windows, and scores recomputed with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusColumns } from '../../../src/io/corpus.js';
import { chooseRarityWeight, DEFAULT_RARITY_WEIGHT, remixed } from '../../../src/stages/train/score-mix.js';
import { emptyScoreColumns } from '../../../src/stages/train/score-columns.js';

/** One line per window; `anomalous[i]` labels window i. */
function split(anomalous: boolean[], parts: [number, number | null][]) {
  const labelOffsets = new Uint32Array(anomalous.length + 1);
  anomalous.forEach((a, i) => (labelOffsets[i + 1] = labelOffsets[i] + (a ? 1 : 0)));
  const corpus = { labelOffsets, labelIds: new Uint16Array(labelOffsets[anomalous.length]) } as unknown as CorpusColumns;
  const columns = emptyScoreColumns(parts.length, { dModel: 1, window: 1, classes: 0 }, false);
  parts.forEach(([modelScore, rarity], w) => {
    columns.modelScore[w] = modelScore;
    columns.rarity[w] = rarity ?? Number.NaN;
  });
  return { corpus, scored: { windows: anomalous.map((_, i) => ({ entity: 'e', lines: Uint32Array.of(i) })), columns } };
}

test('rarity alone separates the anomalies: the whole score goes to rarity', () => {
  const { corpus, scored } = split([true, false, true, false], [[0, 0.6], [1, 0.5], [0, 0.55], [1, 0.45]]);
  assert.deepEqual(chooseRarityWeight(scored, corpus), { weight: 1, averagePrecision: 1 });
});

test('the model alone separates them: no share for rarity', () => {
  const { corpus, scored } = split([true, false, true, false], [[0.6, 0], [0.5, 1], [0.55, 0], [0.45, 1]]);
  assert.deepEqual(chooseRarityWeight(scored, corpus), { weight: 0, averagePrecision: 1 });
});

test('both separate them equally: the default share stays', () => {
  const { corpus, scored } = split([true, false], [[0.9, 0.9], [0.1, 0.1]]);
  assert.deepEqual(chooseRarityWeight(scored, corpus), { weight: DEFAULT_RARITY_WEIGHT, averagePrecision: 1 });
});

test('no labelled validation window: the default share, with no precision to report', () => {
  const { corpus, scored } = split([false, false], [[0.9, 0.1], [0.1, 0.9]]);
  assert.deepEqual(chooseRarityWeight(scored, corpus), { weight: DEFAULT_RARITY_WEIGHT, averagePrecision: null });
});

test('remixed recomputes each score from its parts and leaves windows without rarity to the model', () => {
  const { scored } = split([true, false], [[0.4, 0.8], [0.5, null]]);
  assert.deepEqual(Array.from(remixed(scored.columns, 0.25).score, (score) => Math.round(score * 1e6) / 1e6), [0.5, 0.5]);
  assert.deepEqual([...scored.columns.score], [0, 0], 'the scored columns are left as they were');
});
