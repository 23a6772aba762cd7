// detect on new logs through the CLI: JSON lines for flagged windows, a summary on stderr, stdin,
// --output written whole, and clear errors without a trained model, with mismatched step counts, or
// when a model that reads line rarity has lost its counts; a time-window model is read with count
// windows, with a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSample } from '../../../src/sample/index.js';
import { cli } from '../../helpers/cli.js';

const TINY = { embeddings: { fasttext: { dim: 16, epoch: 1, bucket: 2000 } }, model: { d_model: 16, layers: 1, heads: 2, ff: 32, epochs: 2, batch_size: 8 }, windows: { size: 16, stride: 8 } };

/** A generated auth sample in a new folder, with `config` beside it: the folder and the CLI arguments that point at both. */
async function sampleRun(prefix: string, users: number, lines: number, config: object): Promise<{ root: string; base: string[] }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  await writeSample({ logType: 'auth', users, lines, seed: 5, outDir: root });
  const file = path.join(root, 'tiny.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return { root, base: ['--log_type', 'auth', '--data_dir', root, '--config', file] };
}

test('detect scores new logs with the trained model', { timeout: 120_000 }, async () => {
  const { root, base } = await sampleRun('lad-detect-', 3, 900, TINY);

  const untrained = cli(['detect', ...base, '--input', path.join(root, 'logs', 'auth')]);
  assert.equal(untrained.code, 7);
  assert.ok(untrained.stderr.includes(`run run-pipeline train --embedding_type fasttext --log_type auth --data_dir ${root} first`), untrained.stderr);

  assert.equal(cli(['train', ...base, '--embedding_type', 'fasttext', '--quiet']).code, 0);
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-detect-new-'));
  await writeSample({ logType: 'auth', users: 2, lines: 600, seed: 99, outDir: fresh });
  const folder = path.join(fresh, 'logs', 'auth');

  const all = cli(['detect', ...base, '--input', folder, '--all', '--quiet']);
  assert.equal(all.code, 0, all.stderr);
  const records = all.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(records.length, 600, 'with --all every line once');
  assert.deepEqual(Object.keys(records[0]).sort(), ['anomalous', 'classes', 'entity', 'line', 'score', 'source', 'ts', 'unseen_template', 'window', 'window_score']);
  assert.match(all.stderr, /detect \(fasttext\): 600 lines, \d+ windows scored, \d+ flagged; unseen-template lines \d+; windows per class: .*; [\d,]+ lines\/s/);

  const output = path.join(fresh, 'flagged.jsonl');
  const flagged = cli(['detect', ...base, '--input', folder, '--output', output, '--threshold', '0', '--quiet']);
  assert.equal(flagged.code, 0, flagged.stderr);
  assert.equal(fs.readFileSync(output, 'utf8').trim().split('\n').length, 600, 'threshold 0 flags every window');
  assert.equal(fs.existsSync(`${output}.partial`), false);

  const file = fs.readdirSync(folder)[0];
  const piped = cli(['detect', ...base, '--input', '-', '--all', '--quiet'], { input: fs.readFileSync(path.join(folder, file), 'utf8') });
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stdout.trim().split('\n').length, 300);
  assert.equal(JSON.parse(piped.stdout.split('\n')[0]).source, '-');

  // Step counts saved for another template vocabulary (a model folder put together by hand).
  const rarityFile = path.join(root, 'models', 'auth', 'fasttext', 'rarity.json');
  const rarity = JSON.parse(fs.readFileSync(rarityFile, 'utf8'));
  assert.ok(rarity.transitions.steps.length > 0, 'training saved its step counts');
  fs.writeFileSync(rarityFile, JSON.stringify({ ...rarity, transitions: { ...rarity.transitions, vocab: rarity.transitions.vocab + 1 } }));
  const mismatched = cli(['detect', ...base, '--input', folder, '--quiet']);
  assert.equal(mismatched.code, 3);
  const expected = `${rarityFile}: step counts for ${rarity.transitions.vocab + 1} template ids, the model has ${rarity.transitions.vocab}; retrain it`;
  assert.ok(mismatched.stderr.includes(expected), mismatched.stderr);
  assert.doesNotMatch(mismatched.stderr, /\n\s+at /, 'no stack trace');
});

test('a supervised model reads line rarity: training saves the counts, detect scores with them, and says what to do without them', { timeout: 120_000 }, async () => {
  const { root, base } = await sampleRun('lad-detect-supervised-', 3, 900, { ...TINY, windows: { ...TINY.windows, context: 2 } });
  assert.equal(cli(['train', ...base, '--embedding_type', 'fasttext', '--supervision', 'labels', '--quiet']).code, 0);
  const modelDir = path.join(root, 'models', 'auth', 'fasttext');
  assert.equal(JSON.parse(fs.readFileSync(path.join(modelDir, 'config.json'), 'utf8')).architecture.rarityInput, true);
  const rarityFile = path.join(modelDir, 'rarity.json');
  const rarity = JSON.parse(fs.readFileSync(rarityFile, 'utf8'));
  assert.ok(rarity.rows.length > 0 && rarity.total > 0, 'training saved its line counts');

  const saved = JSON.parse(fs.readFileSync(path.join(modelDir, 'config.json'), 'utf8')).windows;
  assert.deepEqual([saved.stride, saved.train_stride], [8, 4], 'supervised training windows at half the stride');

  const folder = path.join(root, 'logs', 'auth');
  const scored = cli(['detect', ...base, '--input', folder, '--all', '--quiet']);
  assert.equal(scored.code, 0, scored.stderr);
  assert.equal(scored.stdout.trim().split('\n').length, 900, 'with --all every line once');
  // Detection keeps the stride: 16-line windows every 8 lines, and one more over a file's tail.
  const windowsEvery8 = fs.readdirSync(folder).reduce((sum, file) => {
    const lines = fs.readFileSync(path.join(folder, file), 'utf8').trim().split('\n').length;
    return sum + Math.floor((lines - 16) / 8) + 1 + ((lines - 16) % 8 ? 1 : 0);
  }, 0);
  assert.ok(scored.stderr.includes(`900 lines, ${windowsEvery8} windows scored`), scored.stderr);

  fs.writeFileSync(rarityFile, 'null');
  const without = cli(['detect', ...base, '--input', folder, '--quiet']);
  assert.equal(without.code, 3);
  assert.ok(without.stderr.includes(`${rarityFile}: the model reads line rarity, but the file holds no line counts; retrain it`), without.stderr);
  assert.doesNotMatch(without.stderr, /\n\s+at /, 'no stack trace');
});

test('a model trained on time windows is scored on count windows, and detect says so', { timeout: 120_000 }, async () => {
  const { root, base } = await sampleRun('lad-detect-time-', 2, 600, { ...TINY, model: { ...TINY.model, epochs: 1 } });
  assert.equal(cli(['train', ...base, '--embedding_type', 'fasttext', '--window', 'time:5m', '--quiet']).code, 0);
  const scored = cli(['detect', ...base, '--input', path.join(root, 'logs', 'auth'), '--quiet']);
  assert.equal(scored.code, 0, scored.stderr);
  assert.ok(scored.stderr.includes('the model was trained on time windows, but detect reads windows of 16 lines every 8; its scores can differ from evaluation\'s'), scored.stderr);
});
