// LogBERT: the WordPiece tokenizer, MLM training that beats the frequency baseline, 3H+10 features,
// and a flat tensor count across feature batches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ATTENTION_FEATURES, logBertFeatures } from '../../../src/embedders/logbert/features.js';
import { loadLogBert, saveLogBert } from '../../../src/embedders/logbert/model-files.js';
import type { LogBertParams } from '../../../src/embedders/logbert/params.js';
import { CLS, SEP, trainTokenizer, UNK, WordPieceTokenizer } from '../../../src/embedders/logbert/tokenizer.js';
import { trainLogBert } from '../../../src/embedders/logbert/train.js';
import { createWeights, weightValues } from '../../../src/model/weights.js';
import { initTf } from '../../../src/runtime/tf.js';

const LINES = ['Failed password for root from <IP> port <NUM> ssh2', 'Accepted publickey for alice from <IP> port <NUM> ssh2', 'session opened for user root by (uid=<NUM>)', 'Connection closed by <IP> [preauth]'];
const COUNTS = Uint32Array.from([40, 30, 20, 10]);
const PARAMS: LogBertParams = { vocab_size: 80, max_tokens: 16, hidden: 16, layers: 2, heads: 2, ff: 32, mlm_probability: 0.15, learning_rate: 0.01, warmup: 0.1, steps: 60, batch_size: 16, validation_share: 0.25, patience: 10, model_dir: null };

test('the tokenizer keeps mask tokens whole, spells unknown words in pieces, and round-trips through tokenizer.json', () => {
  const tokenizer = trainTokenizer(LINES, COUNTS, 200);
  const ids = tokenizer.encode('Failed password for <IP> sorted', 32);
  assert.equal(ids[0], CLS);
  assert.equal(ids.at(-1), SEP);
  assert.equal(tokenizer.vocab[ids[4]], '<IP>');
  const pieces = ids.slice(5, -1).map((id) => tokenizer.vocab[id]);
  assert.ok(pieces.length > 1 && pieces.slice(1).every((piece) => piece.startsWith('##')), pieces.join(' '));
  assert.equal(pieces.map((piece) => piece.replace(/^##/, '')).join(''), 'sorted');
  assert.deepEqual(tokenizer.encode('日本', 8), [CLS, UNK, SEP]);
  const again = WordPieceTokenizer.fromHuggingFace(JSON.parse(JSON.stringify(tokenizer.toHuggingFace())) as never);
  assert.deepEqual(again.vocab, tokenizer.vocab);
});

test('MLM training beats the token-frequency baseline, and features are 3H+10 wide with a flat tensor count', async () => {
  const { tf } = await initTf('cpu');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-logbert-'));
  const trained = await trainLogBert({ tf, lines: [...LINES, ...LINES.map((l) => l.replace('root', 'admin'))], counts: Uint32Array.from([...COUNTS, ...COUNTS]), params: PARAMS, seed: 1, stateDir: dir, resume: false, due: () => false, onCheckpoint: async () => {} });
  assert.ok(trained.summary.validationLoss < trained.summary.frequencyBaselineLoss, `${trained.summary.validationLoss} < ${trained.summary.frequencyBaselineLoss}`);
  const before = tf.memory().numTensors;
  const first = logBertFeatures(tf, trained.weights, trained.config, trained.tokenizer, LINES, 2);
  const afterOne = tf.memory().numTensors;
  logBertFeatures(tf, trained.weights, trained.config, trained.tokenizer, [...LINES, ...LINES], 2);
  assert.equal(tf.memory().numTensors, afterOne);
  assert.equal(afterOne, before);
  assert.equal(first.dim, 3 * PARAMS.hidden + ATTENTION_FEATURES);
  assert.equal(first.vectors.length, LINES.length * first.dim);
  assert.ok(first.vectors.every(Number.isFinite));
  const saved = saveLogBert(path.join(dir, 'model'), trained.config, await weightValues(trained.weights), trained.tokenizer, {});
  assert.ok(saved.some((file) => file.endsWith('tokenizer.json')));
  const loaded = loadLogBert(path.join(dir, 'model'));
  const again = logBertFeatures(tf, createWeights(tf, loaded.config, 0, loaded.values), loaded.config, loaded.tokenizer, LINES, 2);
  assert.deepEqual(again.vectors, first.vectors);
});
