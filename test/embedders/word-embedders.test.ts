// FastText and Word2Vec: reference fixtures load, our files round-trip bit for bit, training is
// deterministic and resumable, and malformed files are one-line errors naming file and offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFastTextBin, saveFastTextBin } from '../../src/embedders/fasttext/bin-format.js';
import { fastTextHash, ngramBuckets } from '../../src/embedders/fasttext/subwords.js';
import type { WordModelParams } from '../../src/embedders/shared/params.js';
import { loadTextVectors, saveTextVectors } from '../../src/embedders/shared/text-vectors.js';
import { trainWordModel, type WordModel } from '../../src/embedders/shared/trainer.js';
import { lineVectors, modelSource, tokenVector } from '../../src/embedders/shared/word-vectors.js';
import { loadWord2VecBinary, saveWord2VecBinary } from '../../src/embedders/word2vec/binary-format.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/fasttext/', import.meta.url));
const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lad-words-'));
const PARAMS: WordModelParams = { model: 'skipgram', dim: 8, ws: 3, epoch: 3, min_count: 1, neg: 3, lr: 0.05, t: 1e-4, minn: 3, maxn: 6, bucket: 200, line_vector: 'mean', sif_a: 1e-3, threads: 1, pretrained: null };
const LINES = ['Failed password for <*> from <IP> port <NUM> ssh2', 'Accepted publickey for alice from <IP> port <NUM> ssh2', 'session closed for user root'];
const COUNTS = Uint32Array.from([30, 20, 10]);
const ROWS = Uint32Array.from({ length: 60 }, (_, i) => i % 3);

function printed(): Map<string, number[]> {
  const lines = fs.readFileSync(path.join(FIXTURES, 'printed.txt'), 'utf8').trim().split('\n');
  return new Map(lines.map((line) => [line.split(' ')[0], line.trim().split(' ').slice(1).map(Number)]));
}

function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let k = 0; k < expected.length; k++) assert.ok(Math.abs(actual[k] - expected[k]) <= tolerance * Math.max(1, Math.abs(expected[k])), `${what}[${k}]: ${actual[k]} vs ${expected[k]}`);
}

async function train(params = PARAMS, stateDir = temp(), stopAt?: number): Promise<WordModel> {
  let checkpoints = 0;
  return trainWordModel({
    lines: LINES, lineCounts: COUNTS, rows: ROWS, params, seed: 5, stateDir, resume: stopAt === undefined && fs.existsSync(path.join(stateDir, 'position.json')),
    due: () => true,
    onCheckpoint: async () => {
      if (stopAt !== undefined && ++checkpoints === stopAt) throw new Error('stop');
    },
  });
}

test('fastText hashing matches the reference, including bytes above 0x7f', () => {
  assert.equal(fastTextHash('abc'), 440920331);
  assert.equal(fastTextHash('<ü'), fastTextHash('<ü'));
  assert.deepEqual(ngramBuckets('ab', 3, 6, 1000), [fastTextHash('<ab') % 1000, fastTextHash('<ab>') % 1000, fastTextHash('ab>') % 1000]);
});

test('a reference fastText .bin and .vec load and give the printed vectors, unknown words from n-grams', async () => {
  const expected = printed();
  const words = [...expected.keys()];
  const bin = loadFastTextBin(path.join(FIXTURES, 'tiny.bin'), words);
  for (const word of words) assertClose(bin.vectors.get(word)!, expected.get(word)!, 1e-4, `.bin ${word}`);
  const vec = await loadTextVectors(path.join(FIXTURES, 'tiny.vec'), words, 'vec');
  for (const word of ['password', 'alice', '<IP>', 'über']) assertClose(vec.vectors.get(word)!, bin.vectors.get(word)!, 1e-5, `.vec ${word}`);
  assert.equal(vec.vectors.has('zzz'), false);
});

test('training with a seed is deterministic, and a resumed run ends with the same weights', async () => {
  const a = await train();
  const b = await train();
  assert.deepEqual(a.input, b.input);
  const stateDir = temp();
  await assert.rejects(train(PARAMS, stateDir, 7), /stop/);
  const resumed = await train(PARAMS, stateDir);
  assert.deepEqual(resumed.input, a.input);
  assert.deepEqual(resumed.output, a.output);
});

test('our fastText .bin, .vec and word2vec binary round-trip bit for bit', async () => {
  const model = await train();
  const dir = temp();
  const words = [...model.vocabulary.words];
  saveFastTextBin(model, path.join(dir, 'm.bin'));
  const bin = loadFastTextBin(path.join(dir, 'm.bin'), [...words, 'unseenword']);
  for (const word of [...words, 'unseenword']) assert.deepEqual(bin.vectors.get(word), tokenVector(model, word), word);
  const vectorOf = (i: number) => tokenVector(model, words[i])!;
  saveWord2VecBinary(path.join(dir, 'w.bin'), words, vectorOf, 8);
  const w2v = loadWord2VecBinary(path.join(dir, 'w.bin'), words);
  words.forEach((word, i) => assert.deepEqual(w2v.vectors.get(word), vectorOf(i)));
  saveTextVectors(path.join(dir, 'm.vec'), words, vectorOf, 8);
  const text = await loadTextVectors(path.join(dir, 'm.vec'), words, 'vec');
  words.forEach((word, i) => assertClose(text.vectors.get(word)!, vectorOf(i), 1e-5, word));
});

test('a word2vec binary with a multi-byte word and no newline after vectors loads', () => {
  const dir = temp();
  const v1 = Float32Array.from([1, 2]);
  const v2 = Float32Array.from([3, 4]);
  fs.writeFileSync(path.join(dir, 'x.bin'), Buffer.concat([Buffer.from('2 2\n'), Buffer.from('größe '), Buffer.from(v1.buffer), Buffer.from('日本 '), Buffer.from(v2.buffer)]));
  const loaded = loadWord2VecBinary(path.join(dir, 'x.bin'), ['größe', '日本']);
  assert.deepEqual(loaded.vectors.get('größe'), v1);
  assert.deepEqual(loaded.vectors.get('日本'), v2);
});

test('line vectors are token means; a line without known tokens is a zero vector, counted', async () => {
  const model = await train({ ...PARAMS, maxn: 0, bucket: 0 });
  const result = lineVectors(modelSource(model), ['alice ssh2', 'qqq www'], 'mean', 1e-3);
  const alice = tokenVector(model, 'alice')!;
  const ssh2 = tokenVector(model, 'ssh2')!;
  assertClose(result.vectors.subarray(0, 8), alice.map((v, k) => (v + ssh2[k]) / 2), 1e-6, 'mean');
  assert.deepEqual([...result.vectors.subarray(8)], new Array(8).fill(0));
  assert.equal(result.zeroLines, 1);
});

test('malformed model files are one-line errors naming the file and the byte offset', async () => {
  const dir = temp();
  const bin = fs.readFileSync(path.join(FIXTURES, 'tiny.bin'));
  fs.writeFileSync(path.join(dir, 'cut.bin'), bin.subarray(0, 3000));
  assert.throws(() => loadFastTextBin(path.join(dir, 'cut.bin'), ['password']), /cut\.bin: .* at byte \d+; check that the file is a complete model/);
  fs.writeFileSync(path.join(dir, 'bad.vec'), '3 2\na 1 2\nb 1 2\n');
  await assert.rejects(loadTextVectors(path.join(dir, 'bad.vec'), ['a'], 'vec'), /bad\.vec: 2 rows where the header says 3/);
  fs.writeFileSync(path.join(dir, 'short.vec'), '2 3\na 1 2\n');
  await assert.rejects(loadTextVectors(path.join(dir, 'short.vec'), ['a'], 'vec'), /short\.vec: a row of 2 values where the header says 3 at line 2/);
  fs.writeFileSync(path.join(dir, 'notes.bin'), 'hello, these are not vectors\n');
  assert.throws(() => loadWord2VecBinary(path.join(dir, 'notes.bin'), ['a']), /notes\.bin: no "count dim" header: not a word2vec binary file at byte 0/);
  assert.throws(() => loadFastTextBin(path.join(dir, 'notes.bin'), ['a']), /notes\.bin: not a fastText model .* at byte 0/);
});

test('two worker threads train on shared weights, and a stopped run resumes between chunks', async () => {
  const stateDir = temp();
  let checkpoints = 0;
  const stop = trainWordModel({ lines: LINES, lineCounts: COUNTS, rows: ROWS, params: { ...PARAMS, threads: 2 }, threads: 2, seed: 5, stateDir, resume: false, due: () => true, onCheckpoint: async () => { if (++checkpoints === 10) throw new Error('stop'); } });
  await assert.rejects(stop, /stop/);
  const position = JSON.parse(fs.readFileSync(path.join(stateDir, 'position.json'), 'utf8'));
  assert.ok(position.tokensDone > 0);
  const model = await trainWordModel({ lines: LINES, lineCounts: COUNTS, rows: ROWS, params: PARAMS, threads: 2, seed: 5, stateDir, resume: true, due: () => false, onCheckpoint: async () => {} });
  const password = tokenVector(model, 'password')!;
  const publickey = tokenVector(model, 'publickey')!;
  assert.ok(password.every(Number.isFinite) && publickey.every(Number.isFinite));
  assert.notDeepEqual(password, publickey);
  assert.ok(model.input.buffer instanceof SharedArrayBuffer, 'weights are shared with the workers');
});
