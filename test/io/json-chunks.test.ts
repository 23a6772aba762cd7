// Streamed JSON: the same text as JSON.stringify, typed arrays and generators written as arrays,
// and large values cut into several chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonChunks } from '../../src/io/json-chunks.js';

test('plain values give exactly the text of JSON.stringify', () => {
  const value = { a: 1, b: [1.5, -2e-7, null, 'x"y', { c: true, skip: undefined }], d: {}, e: [], f: 'é\n', g: NaN, h: [undefined] };
  assert.equal([...jsonChunks(value)].join(''), JSON.stringify(value));
});

test('typed arrays and generators are written as arrays', () => {
  const value = { index: Uint32Array.of(3, 5), score: Float64Array.of(0.1, 0.25), labels: (function* () { yield [0]; yield []; })() };
  assert.equal([...jsonChunks(value)].join(''), '{"index":[3,5],"score":[0.1,0.25],"labels":[[0],[]]}');
});

test('a large array comes in several chunks that join into its JSON text', () => {
  const numbers = Float64Array.from({ length: 50000 }, (_, i) => i / 7);
  const chunks = [...jsonChunks({ numbers })];
  assert.ok(chunks.length > 5, `${chunks.length} chunks`);
  assert.ok(chunks.every((chunk) => chunk.length < 70000));
  assert.equal(chunks.join(''), JSON.stringify({ numbers: Array.from(numbers) }));
});
