// A local pre-trained BERT (tiny fixture made by test/fixtures/logbert/make_tiny_bert.py): loaded
// offline, its pooled features match torch's to 1e-4, and a missing file is named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPretrainedBert, pretrainedFeatures, REQUIRED_FILES } from '../../../src/embedders/logbert/pretrained.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/logbert/', import.meta.url));
const MODEL = path.join(FIXTURES, 'tiny-bert');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'tiny-bert-expected.json'), 'utf8')) as { line: string; ids: number[]; features: number[] }[];

test('the fixture loads offline, without a single network request, and matches torch to 1e-4', async () => {
  const calls: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: unknown) => {
    calls.push(String(input));
    throw new Error('network disabled in this test');
  }) as typeof fetch;
  try {
    const bert = await loadPretrainedBert(MODEL);
    for (const expected of EXPECTED) assert.deepEqual(bert.encode(expected.line), expected.ids, expected.line);
    const { vectors, dim, attentionSource } = await pretrainedFeatures(bert, EXPECTED.map((e) => e.line));
    assert.equal(dim, 3 * 32 + 10);
    assert.match(attentionSource, /attention outputs/);
    EXPECTED.forEach((expected, i) => expected.features.forEach((value, k) => assert.ok(Math.abs(vectors[i * dim + k] - value) < 1e-4, `line ${i} feature ${k}: ${vectors[i * dim + k]} vs ${value}`)));
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(calls, []);
});

test('a model folder missing any of the four files is an error naming it', async () => {
  for (const missing of REQUIRED_FILES) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-bert-'));
    fs.cpSync(MODEL, copy, { recursive: true });
    fs.rmSync(path.join(copy, missing));
    await assert.rejects(loadPretrainedBert(copy), { message: `${path.join(copy, missing)} is missing: a pre-trained model folder needs config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx` });
  }
});
