// Bad command lines through the real CLI: one-line messages, non-zero exits, no stack traces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../helpers/cli.js';

function dataDir(types: string[] = []): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-cli-'));
  for (const type of types) fs.mkdirSync(path.join(root, 'logs', type), { recursive: true });
  return root;
}

function assertOneLineError(result: { code: number | null; stderr: string }, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${result.stderr}`);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

test('--help lists the commands and the exit codes', () => {
  const result = cli(['--help']);
  assert.equal(result.code, 0);
  for (const command of ['preprocess', 'embed', 'fasttext', 'word2vec', 'logbert', 'train', 'evaluate', 'validate', 'sample']) {
    assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
  }
  assert.match(result.stdout, /^Exit codes: 0 ok, 1 not ready, 2 usage, 3 input, 4 config, 5 locked, 6 io, 7 missing prerequisite, 8 unsupported, 70 internal, 130 interrupted\.$/m);
});

test('a missing --log_type is a usage error', () => {
  assertOneLineError(cli([]), 2, /^error: required option '--log_type <type>' not specified/);
});

test('a log type outside ^[a-z0-9][a-z0-9_-]*$ is refused', () => {
  for (const bad of ['../etc', 'VPN', '-x', 'a/b']) {
    assertOneLineError(cli(['preprocess', '--log_type', bad]), 2, /is not a log type: use lower-case letters, digits/);
  }
});

test('a log type without a folder lists the ones that exist', () => {
  const root = dataDir(['auth', 'vpn']);
  assertOneLineError(cli(['preprocess', '--log_type', 'ssh', '--data_dir', root]), 3, /logs\/ssh does not exist; log types found: auth, vpn$/);
});

test('unknown flags and values list the valid ones', () => {
  assertOneLineError(cli(['--log_type', 'vpn', '--bogus']), 2, /unknown option '--bogus' \(valid options of "run-pipeline": --log_type, .*--check_only/);
  assertOneLineError(cli(['embed', '--log_type', 'vpn', '--embedding_type', 'glove']), 2, /Allowed choices are fasttext, word2vec, logbert/);
  assertOneLineError(cli(['--log_type', 'vpn', '--device', 'tpu']), 2, /Allowed choices are auto, cpu, gpu/);
  assertOneLineError(cli(['preprocesss']), 2, /unknown command \(commands: preprocess, embed/);
});

test('a config file with an unknown key or a wrong type names the key', () => {
  const root = dataDir(['vpn']);
  const config = path.join(root, 'user.json');
  fs.writeFileSync(config, '{"checkpoint":{"every_fraction":"often"}}');
  assertOneLineError(cli(['preprocess', '--log_type', 'vpn', '--data_dir', root, '--config', config]), 4, /user\.json: checkpoint\.every_fraction: /);
  fs.writeFileSync(config, '{"performance":{"bogus":1}}');
  assertOneLineError(cli(['preprocess', '--log_type', 'vpn', '--data_dir', root, '--config', config]), 4, /user\.json: unknown key performance\.bogus/);
});

test('--device gpu without a usable GPU is a clear error before any stage runs', () => {
  const root = dataDir(['vpn']);
  fs.writeFileSync(path.join(root, 'logs', 'vpn', 'a.log'), '2026-11-23 10:15:01 alice/1.2.3.4:5 MULTI: x\n');
  const result = cli(['train', '--log_type', 'vpn', '--embedding_type', 'fasttext', '--device', 'gpu', '--data_dir', root]);
  assert.equal(result.code, 8, result.stderr);
  assert.match(result.stderr, /--device gpu was asked for, but no usable GPU was found/);
  assert.equal(fs.existsSync(path.join(root, 'processed')), false, 'nothing ran');
});

test('a bad --window or --session_key is refused before any stage runs or any checkpoint changes', () => {
  const root = dataDir(['vpn']);
  fs.writeFileSync(path.join(root, 'logs', 'vpn', 'a.log'), '2026-11-23 10:15:01 alice/1.2.3.4:5 MULTI: x\n');
  const train = ['train', '--log_type', 'vpn', '--embedding_type', 'fasttext', '--data_dir', root];
  assertOneLineError(cli([...train, '--window', 'time:5']), 2, /argument 'time:5' is invalid\. Use "count" or "time:<span>", such as time:5m/);
  assertOneLineError(cli([...train, '--session_key', 'blk_(']), 2, /argument 'blk_\(' is invalid\. Not a regular expression \(\/blk_\(\/: Unterminated group\)$/);
  assertOneLineError(cli([...train, '--session_key', '']), 2, /argument '' is invalid\. It matches an empty text/);
  assertOneLineError(cli([...train, '--window', 'time:0m']), 2, /argument 'time:0m' is invalid/);
  assert.equal(fs.existsSync(path.join(root, 'checkpoints')), false, 'nothing ran');
});

test('a missing required option also names the unknown flag that was probably meant for it', () => {
  assertOneLineError(cli(['train', '--log_type', 'vpn', '--embedding_types', 'fasttext']), 2, /^error: required option '--embedding_type <name>' not specified \(not an option of "train": --embedding_types; valid: --log_type, .*--embedding_type\)$/);
  assertOneLineError(cli(['train', '--log_type', 'vpn']), 2, /^error: required option '--embedding_type <name>' not specified$/);
  // Option values that look like flags are not flags; a top-level flag is not the subcommand's.
  assertOneLineError(cli(['--quiet', 'train', '--log_type', 'vpn', '--data_dir', '-d', '--session_key', '-x']), 2, /^error: required option '--embedding_type <name>' not specified$/);
  assertOneLineError(cli(['train', '--log_type', 'vpn', '--embedding_types=fasttext']), 2, /\(not an option of "train": --embedding_types; valid: /);
});
