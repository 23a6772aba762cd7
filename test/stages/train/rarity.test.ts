// Rarity of lines and of steps between templates: counted inside training windows, looked up per
// line as the rarer of the two, and saved and loaded unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineRarities, lineRarity, rarityByRow, rarityFromSaved, rarityOf, rarityOfKnownRows, rarityTable, rowRarity, savedRarity, stepKey } from '../../../src/stages/train/rarity.js';

// Lines 0-5: rows (distinct lines) and templates; the vocabulary has 3 templates plus "unseen" (3).
const rows = Uint32Array.of(0, 1, 0, 1, 2, 0);
const templates = Uint32Array.of(0, 1, 0, 1, 2, 0);
const windows = [Uint32Array.of(0, 1, 2), Uint32Array.of(3, 4)].map((lines) => ({ lines }));

test('steps are counted between consecutive lines of a window, never across two windows', () => {
  const table = rarityTable(windows, rows, templates, 4);
  assert.equal(table.total, 5);
  assert.deepEqual([...table.counts].sort(), [[0, 2], [1, 2], [2, 1]]);
  assert.deepEqual(table.transitions, { vocab: 4, total: 3, counts: new Map([[stepKey(0, 1, 4), 1], [stepKey(1, 0, 4), 1], [stepKey(1, 2, 4), 1]]) });
});

test('a common line reached by a step training never took gets the rarity of an unseen step', () => {
  const table = rarityTable(windows, rows, templates, 4);
  const rarity = lineRarity(table, rarityByRow(table, 3));
  // Lines 4 (template 2) then 5 (template 0): step 2 -> 0 never seen; line 5 itself is common.
  const values = lineRarities(rarity, Uint32Array.of(4, 5), rows, templates, 2);
  assert.deepEqual([...values], [rarityOf(1, 5), rarityOf(0, 3)].map(Math.fround));
  assert.ok(values[1] > rarityOf(2, 5));
  // A template past the vocabulary (unseen at detection) counts as the unseen id.
  assert.equal(stepKey(7, 1, 4), stepKey(3, 1, 4));
});

test('saved and loaded, the table is the same; a table saved without steps scores lines alone', () => {
  const table = rarityTable(windows, rows, templates, 4);
  assert.deepEqual(rarityFromSaved(JSON.parse(JSON.stringify(savedRarity(table)))), table);
  const old = rarityFromSaved({ total: 5, rows: [[0, 2], [1, 2], [2, 1]] });
  assert.equal(old.transitions, null);
  const values = lineRarities(lineRarity(old, rarityByRow(old, 3)), Uint32Array.of(4, 5), rows, templates, 2);
  assert.deepEqual([...values], [rarityOf(1, 5), rarityOf(2, 5)].map(Math.fround));
});

test('windows of one line each leave no steps, and then steps add nothing to a line\'s rarity', () => {
  const single = [0, 1, 2, 3].map((line) => ({ lines: Uint32Array.of(line) }));
  const table = rarityTable(single, rows, templates, 4);
  assert.equal(table.transitions, null);
  const values = lineRarities(lineRarity(table, rarityByRow(table, 3)), Uint32Array.of(4, 5), rows, templates, 2);
  assert.deepEqual([...values], [rarityOf(0, 4), rarityOf(2, 4)].map(Math.fround));
});

test('new lines take the rarity of their training row, and a line training never saw the unseen rarity', () => {
  const table = rarityTable(windows, rows, templates, 4);
  const values = rarityOfKnownRows(rowRarity(table), Int32Array.of(0, 2, -1, 7));
  assert.deepEqual([...values.byRow], [rarityOf(2, 5), rarityOf(1, 5), rarityOf(0, 5), rarityOf(0, 5)].map(Math.fround));
  assert.deepEqual(values.transitions, lineRarity(table, new Float32Array(0)).transitions);
});
