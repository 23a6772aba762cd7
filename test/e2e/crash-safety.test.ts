// The whole pipeline killed with SIGKILL inside every kind of stage, then rerun, ends with the same
// metrics, vectors and model weights as an uninterrupted run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSample } from '../../src/sample/index.js';
import { cli } from '../helpers/cli.js';

const TINY = {
  // One embedding thread: with several, lock-free updates make vectors differ from run to run.
  embeddings: { fasttext: { dim: 16, epoch: 1, bucket: 2000, threads: 1 }, word2vec: { dim: 16, epoch: 1, threads: 1 }, logbert: { hidden: 16, layers: 1, heads: 2, ff: 32, steps: 24, batch_size: 8, max_tokens: 16, vocab_size: 200 } },
  model: { d_model: 16, layers: 1, heads: 2, ff: 32, epochs: 3, patience: 3, batch_size: 8 },
  windows: { size: 16, stride: 8 },
  evaluate: { projection: { n_epochs: 20 } },
};

async function dataRoot(): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-crash-'));
  await writeSample({ logType: 'auth', users: 3, lines: 900, seed: 11, outDir: root });
  fs.writeFileSync(path.join(root, 'tiny.json'), JSON.stringify(TINY));
  return root;
}

const run = (root: string, kill?: string) => cli(['--log_type', 'auth', '--data_dir', root, '--config', path.join(root, 'tiny.json'), '--quiet'], { env: kill ? { LAD_FAULT_KILL: kill } : {} });

function results(root: string): Record<string, Buffer> {
  const files = ['results/auth/detailed_metrics.json', 'results/auth/metrics_summary.csv'];
  for (const embedder of ['fasttext', 'word2vec', 'logbert']) files.push(`embeddings/auth/${embedder}/vectors.f32`, `models/auth/${embedder}/weights.bin`, `models/auth/${embedder}/scores-test.json`);
  return Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(root, file))]));
}

test('killed in preprocessing, embedding and training, the rerun ends exactly like an uninterrupted run', { timeout: 300_000 }, async () => {
  const straight = await dataRoot();
  const clean = run(straight);
  assert.equal(clean.code, 0, clean.stderr);
  const expected = results(straight);

  const crashed = await dataRoot();
  for (const kill of ['preprocess:400', 'embed-fasttext:300', 'embed-logbert:9', 'train-word2vec:4', 'train-logbert:2']) {
    const killed = run(crashed, kill);
    assert.equal(killed.code, null, `${kill} killed the run: ${killed.stderr}`);
  }
  const last = run(crashed);
  assert.equal(last.code, 0, last.stderr);
  const actual = results(crashed);
  for (const [file, bytes] of Object.entries(expected)) assert.ok(actual[file].equals(bytes), `${file} is identical`);
});

test('a corrupted checkpoint is detected, and that stage restarts with a warning', async () => {
  const root = await dataRoot();
  const first = cli(['preprocess', '--log_type', 'auth', '--data_dir', root, '--quiet']);
  assert.equal(first.code, 0, first.stderr);
  fs.writeFileSync(path.join(root, 'checkpoints', 'auth', 'preprocess.json'), '{"schema":1,"stage":"prep');
  const again = cli(['preprocess', '--log_type', 'auth', '--data_dir', root]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /checkpoint .*corrupt/i);
});
