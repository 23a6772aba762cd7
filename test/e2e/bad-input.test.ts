// Bad input through the real CLI: each case ends with one line naming the file and the fix,
// a documented exit code, no stack trace, and nothing already finished lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';
import { fileAppears } from '../helpers/file-appears.js';

function authLines(count: number, start = 0): string {
  const lines = [];
  for (let i = start; i < start + count; i++) {
    const minute = String(i % 60).padStart(2, '0');
    lines.push(i % 7 === 3 ? `Nov 23 10:${minute}:01 web1 sshd[${100 + i}]: Failed password for alice from 10.0.0.${i % 250} port ${4000 + i} ssh2` : `Nov 23 10:${minute}:02 web1 sshd[${100 + i}]: Accepted publickey for alice from 10.0.0.${i % 250} port ${4000 + i} ssh2`);
  }
  return lines.join('\n') + '\n';
}

/** A data root with logs/t/good.log (40 lines) plus whatever `extra` adds. */
function dataRoot(extra: (logs: string, labels: string) => void = () => {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-bad-'));
  const logs = path.join(root, 'logs', 't');
  const labels = path.join(root, 'labels', 't');
  fs.mkdirSync(logs, { recursive: true });
  fs.mkdirSync(labels, { recursive: true });
  fs.writeFileSync(path.join(logs, 'good.log'), authLines(40));
  extra(logs, labels);
  return root;
}

const preprocess = (root: string) => cli(['preprocess', '--log_type', 't', '--data_dir', root]);

function assertOneLineError(result: { code: number | null; stderr: string }, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, result.stderr);
  const errors = result.stderr.trim().split('\n').filter((line) => line.startsWith('error:'));
  assert.equal(errors.length, 1, result.stderr);
  assert.match(errors[0], pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

function assertWarnedAndDone(root: string, pattern: RegExp): void {
  const result = preprocess(root);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, pattern);
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'processed', 't', 'meta.json'), 'utf8'));
  assert.ok(meta.lines >= 40, 'the good file is processed');
}

test('an empty log file is a warning; the other files are processed', () => {
  assertWarnedAndDone(dataRoot((logs) => fs.writeFileSync(path.join(logs, 'empty.log'), '')), /empty\.log: empty/);
});

test('a binary file is skipped with a warning recorded in meta.json', () => {
  const root = dataRoot((logs) => fs.writeFileSync(path.join(logs, 'blob.log'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0])));
  assertWarnedAndDone(root, /blob\.log: looks binary/);
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'processed', 't', 'meta.json'), 'utf8'));
  assert.ok(meta.warnings.some((warning: string) => warning.includes('blob.log: looks binary')));
});

test('a 10 MB line without newline is cut and counted', () => {
  assertWarnedAndDone(dataRoot((logs) => fs.writeFileSync(path.join(logs, 'long.log'), 'x'.repeat(10 * 1024 * 1024))), /long\.log: 1 lines were longer than 65536 bytes and were cut/);
});

test('invalid UTF-8 is read as Latin-1 and counted', () => {
  const bytes = Buffer.concat([Buffer.from('Nov 23 10:00:01 web1 sshd[1]: Failed password for '), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from(' from 10.0.0.1 port 22 ssh2\n')]);
  assertWarnedAndDone(dataRoot((logs) => fs.writeFileSync(path.join(logs, 'latin.log'), bytes)), /latin\.log: 1 lines are not valid UTF-8/);
});

test('a truncated gzip keeps the lines before the damage, with a warning', () => {
  const gz = zlib.gzipSync(Buffer.from(authLines(2000)));
  assertWarnedAndDone(dataRoot((logs) => fs.writeFileSync(path.join(logs, 'cut.log.gz'), gz.subarray(0, gz.length >> 1))), /cut\.log\.gz: the gzip stream is truncated/);
});

test('a label file with a wrong schema names the file and the field', () => {
  const root = dataRoot((_logs, labels) => fs.writeFileSync(path.join(labels, 'good.json'), JSON.stringify({ version: 1, log_file: 'good.log', lines: { '3': ['Brute Force'] } })));
  assertOneLineError(preprocess(root), 3, /good\.json: field lines\.3\.0: class names must match/);
});

test('a label line beyond the end of its log is refused, naming both', () => {
  const root = dataRoot((_logs, labels) => fs.writeFileSync(path.join(labels, 'good.json'), JSON.stringify({ version: 1, log_file: 'good.log', lines: { '41': ['brute_force'] } })));
  assertOneLineError(preprocess(root), 3, /good\.json: labels line 41, but good\.log has 40 lines/);
});

test('a label file for a log that does not exist is reported', () => {
  const root = dataRoot((_logs, labels) => fs.writeFileSync(path.join(labels, 'ghost.json'), JSON.stringify({ version: 1, log_file: 'ghost.log', lines: {} })));
  assertWarnedAndDone(root, /ghost\.json: labels a log file that does not exist/);
});

test('a log type folder holding only a subfolder has no log files', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-bad-'));
  fs.mkdirSync(path.join(root, 'logs', 't', 'nested'), { recursive: true });
  assertOneLineError(preprocess(root), 3, /logs\/t holds no log files/);
});

test('a symbolic link out of the data folder is refused', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.log'), authLines(5));
  const root = dataRoot((logs) => fs.symlinkSync(path.join(outside, 'secret.log'), path.join(logs, 'link.log')));
  assertOneLineError(preprocess(root), 3, /link\.log is a symbolic link to .*outside the data folder/);
});

test('an output folder that cannot be written is a one-line io error, and the logs are untouched', () => {
  // Root ignores permission bits, so a file standing where processed/ must be makes the write fail for everyone.
  const root = dataRoot();
  fs.writeFileSync(path.join(root, 'processed'), 'not a folder');
  assertOneLineError(preprocess(root), 6, /processed.*a file stands where a folder is expected/);
  assert.equal(fs.readFileSync(path.join(root, 'logs', 't', 'good.log'), 'utf8'), authLines(40));
});

test('a second run on the same log type is refused while the first holds the lock', async () => {
  const root = dataRoot((logs) => fs.writeFileSync(path.join(logs, 'big.log'), authLines(150000)));
  const bin = fileURLToPath(new URL('../../../bin/run-pipeline.js', import.meta.url));
  const first = spawn(process.execPath, [bin, 'preprocess', '--log_type', 't', '--data_dir', root, '--quiet'], { stdio: 'ignore' });
  const done = new Promise<number | null>((resolve) => first.on('exit', resolve));
  const lock = path.join(root, 'checkpoints', 't', 'run.lock');
  await fileAppears(lock, done);
  assertOneLineError(preprocess(root), 5, /log type "t" is being processed by another run \(pid \d+/);
  assert.equal(await done, 0);
});
