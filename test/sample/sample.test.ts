// The sample generator: byte-identical for a seed, valid labels, every class present, realistic lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLabelFile } from '../../src/io/labels.js';
import { writeSample, SAMPLE_TYPES } from '../../src/sample/index.js';
import { detectFormat } from '../../src/stages/preprocess/formats/index.js';
import { cli } from '../helpers/cli.js';

const EXPECTED: Record<string, { format: string; classes: string[] }> = {
  vpn: { format: 'openvpn', classes: ['brute_force', 'concurrent_session', 'data_exfiltration', 'impossible_travel', 'off_hours'] },
  auth: { format: 'syslog-rfc3164', classes: ['account_manipulation', 'invalid_user_scan', 'privilege_escalation', 'root_login', 'ssh_brute_force'] },
  'wp-error': { format: 'php-error', classes: ['memory_exhaustion', 'path_traversal', 'php_fatal_burst', 'plugin_crash_loop', 'sql_injection'] },
};

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => fs.statSync(path.join(dir, name)).isFile()).sort().map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

test('the same seed writes byte-identical files through the CLI; another seed does not', () => {
  const [a, b, c] = [0, 1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'lad-sample-')));
  for (const [dir, seed] of [[a, '7'], [b, '7'], [c, '8']]) assert.equal(cli(['sample', '--log_type', 'auth', '--users', '3', '--lines', '900', '--seed', seed, '--out', dir]).code, 0);
  assert.deepEqual(snapshot(b), snapshot(a));
  assert.notDeepEqual(snapshot(c), snapshot(a));
});

for (const type of SAMPLE_TYPES) {
  test(`${type}: the line quota, the format, valid labels and every class`, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-sample-'));
    const summary = await writeSample({ logType: type, users: 4, lines: 3000, seed: 3, outDir: out });
    assert.equal(summary.lines, 3000);
    assert.equal(summary.files.length, 4);
    assert.deepEqual(Object.keys(summary.classCounts).sort(), EXPECTED[type].classes);
    assert.ok(summary.anomalousLines > 100 && summary.anomalousLines < 1000, `anomalous share: ${summary.anomalousLines}`);
    for (const file of summary.files) {
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      assert.equal(detectFormat(lines.slice(0, 200)).format, EXPECTED[type].format);
      const labels = readLabelFile(path.join(out, 'labels', type, path.basename(file, '.log') + '.json'));
      for (const range of labels.ranges) assert.ok(range.end <= lines.length);
    }
  });
}
