// The data audit (validate and --check_only): ready or not, every problem named, nothing written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../../helpers/cli.js';

function listAll(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function dataRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-audit-'));
  fs.mkdirSync(path.join(root, 'logs', 'vpn'), { recursive: true });
  fs.mkdirSync(path.join(root, 'labels', 'vpn'), { recursive: true });
  const lines = Array.from({ length: 30 }, (_, i) => `2026-11-23 10:${String(i).padStart(2, '0')}:01 alice/203.0.113.7:5123${i % 10} MULTI: Learn: 10.8.0.6 -> alice/203.0.113.7:51234`);
  fs.writeFileSync(path.join(root, 'logs', 'vpn', 'alice.log'), lines.join('\n') + '\n');
  fs.writeFileSync(path.join(root, 'logs', 'vpn', 'bob.log'), lines.slice(0, 10).join('\n').replaceAll('alice', 'bob') + '\n');
  fs.writeFileSync(path.join(root, 'labels', 'vpn', 'alice.json'), JSON.stringify({ version: 1, log_file: 'alice.log', lines: { '3': ['brute_force'] }, ranges: [{ start: 10, end: 12, labels: ['off_hours', 'brute_force'] }] }));
  return root;
}

test('clean data is ready: exit 0, formats and class counts reported, nothing written', () => {
  const root = dataRoot();
  const before = listAll(root);
  const result = cli(['--log_type', 'vpn', '--check_only', '--data_dir', root]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /alice\.log: [\d,]+ bytes, utf-8, openvpn, 30 lines/);
  assert.match(result.stdout, /Classes \(labelled lines\): brute_force 4, off_hours 3/);
  assert.match(result.stdout, /bob\.log: no label file/);
  assert.match(result.stdout, /READY/);
  assert.deepEqual(listAll(root), before, 'the audit writes nothing');
});

test('a corrupted label file makes the data not ready, naming the file and the field; --json has it all', () => {
  const root = dataRoot();
  fs.writeFileSync(path.join(root, 'labels', 'vpn', 'alice.json'), JSON.stringify({ version: 1, log_file: 'alice.log', ranges: [{ start: 5, end: 2, labels: ['x'] }] }));
  fs.writeFileSync(path.join(root, 'labels', 'vpn', 'ghost.json'), JSON.stringify({ version: 1, log_file: 'ghost.log' }));
  const result = cli(['validate', '--log_type', 'vpn', '--data_dir', root, '--json']);
  assert.equal(result.code, 1, result.stderr);
  const report = JSON.parse(result.stdout);
  assert.equal(report.ready, false);
  assert.ok(report.problems.some((p: string) => /alice\.json: field ranges\.0\.end: end must be >= start/.test(p)), report.problems.join('\n'));
  assert.ok(report.problems.some((p: string) => /ghost\.json: labels a log file that does not exist/.test(p)));
});

test('a label line beyond the end of its log is a problem', () => {
  const root = dataRoot();
  fs.writeFileSync(path.join(root, 'labels', 'vpn', 'bob.json'), JSON.stringify({ version: 1, log_file: 'bob.log', lines: { '11': ['brute_force'] } }));
  const result = cli(['validate', '--log_type', 'vpn', '--data_dir', root]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /bob\.json: line 11 is beyond the end of bob\.log \(10 lines\)/);
  assert.match(result.stdout, /NOT READY: 1 problem/);
});
