// Batches from windows: where a window's own lines and its context lines sit, what is masked, and
// which labels each position and the window carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransformerConfig } from '../../../src/model/config.js';
import { batchArrays } from '../../../src/stages/train/batches.js';
import type { Window } from '../../../src/stages/train/windows.js';
import { tinyInputs } from './helpers.js';

const config: TransformerConfig = { inputDim: 8, dModel: 8, layers: 1, heads: 1, ff: 8, window: 8, context: 2, vocab: 7, classes: 1 };
const span = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => from + i);

test('context lines sit on each side of the own lines, which start at a fixed place; context is never masked and does not label the window', () => {
  const inputs = tinyInputs(120, 1);
  // Own lines 86..89 just before the labelled burst at 90..95, which reaches the context after.
  const windows: Window[] = [
    { entity: 'e0', lines: span(86, 90), context: { before: span(84, 86), after: span(90, 92) } },
    { entity: 'e0', lines: span(0, 4), context: { before: span(0, 0), after: span(4, 6) } },
  ];
  const arrays = batchArrays(windows, inputs, config, () => true);
  assert.deepEqual([...arrays.offsets], [2, 2], 'own lines start at the same place with or without context before them');
  assert.deepEqual([...arrays.own], [0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0]);
  assert.deepEqual([...arrays.present], [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual([...arrays.masked], [...arrays.own], 'only own lines are masked');
  assert.deepEqual([...arrays.templates.subarray(0, 8)], [0, 1, 2, 3, 0, 1, 5, 5]);
  assert.deepEqual([...arrays.lineLabels.subarray(0, 8)], [0, 0, 0, 0, 0, 0, 1, 1], 'context lines keep their own labels');
  assert.deepEqual([...arrays.labels], [0, 0]);
  assert.deepEqual([...arrays.templates.subarray(8, 16)], [6, 6, 0, 1, 2, 3, 0, 1], 'missing context before is padding');
  const inside = batchArrays([{ entity: 'e0', lines: span(88, 92), context: { before: span(86, 88), after: span(92, 94) } }], inputs, config, () => false);
  assert.deepEqual([...inside.labels], [1]);
  assert.deepEqual([...inside.masked], [0, 0, 0, 0, 0, 0, 0, 0]);
});

test('a model without context reads only the own lines, even when windows carry context', () => {
  const inputs = tinyInputs(120, 1);
  const plain = { ...config, window: 4, context: 0 };
  const arrays = batchArrays([{ entity: 'e0', lines: span(4, 8), context: { before: span(2, 4), after: span(8, 10) } }], inputs, plain, () => false);
  assert.deepEqual([...arrays.templates], [0, 1, 2, 3]);
  assert.deepEqual([...arrays.own], [1, 1, 1, 1]);
});

test('a model that reads rarity gets each line’s rarity by its row, none for masked lines or padding, and needs rarity to be given', () => {
  const inputs = tinyInputs(120, 1);
  // Rows are templates in the tiny corpus: rarity 0.1 × (template + 1).
  const rowRarity = Float32Array.from({ length: 6 }, (_, row) => 0.1 * (row + 1));
  const reads = { ...config, window: 6, context: 0, rarityInput: true };
  const windows: Window[] = [{ entity: 'e0', lines: span(88, 92) }];
  const arrays = batchArrays(windows, { ...inputs, rowRarity }, reads, (_, i) => i === 1);
  assert.deepEqual([...arrays.rarity!].map((r) => +r.toFixed(2)), [0.1, 0, 0.6, 0.6, 0, 0], 'lines 88-91 are templates 0, 1, 5, 5; line 89 is masked; two padding places');
  assert.equal(batchArrays(windows, inputs, config, () => false).rarity, null, 'a model without rarity input gets none');
  assert.throws(() => batchArrays(windows, inputs, reads, () => false), /the model reads line rarity, but no rarity per row was given/);
});
