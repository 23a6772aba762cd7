// The preprocessing stage killed with SIGKILL at several points resumes to byte-identical shards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../../helpers/cli.js';

function makeData(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-pre-resume-'));
  fs.mkdirSync(path.join(root, 'logs', 'auth'), { recursive: true });
  fs.mkdirSync(path.join(root, 'labels', 'auth'), { recursive: true });
  for (const host of ['a', 'b', 'c']) {
    const lines = Array.from({ length: 6000 }, (_, i) => {
      const time = `Nov 23 ${String(Math.floor(i / 600) + 10).padStart(2, '0')}:${String(Math.floor(i / 10) % 60).padStart(2, '0')}:0${i % 10}`;
      return i % 5 === 0 ? `${time} ${host} sshd[${i}]: Failed password for user${i % 13} from 10.0.${i % 7}.${i % 200} port ${1000 + i} ssh2` : `${time} ${host} CRON[${i}]: session opened for user root by (uid=0) job ${i % 9}`;
    });
    fs.writeFileSync(path.join(root, 'logs', 'auth', `${host}.log`), lines.join('\n') + '\n');
    fs.writeFileSync(path.join(root, 'labels', 'auth', `${host}.json`), JSON.stringify({ version: 1, log_file: `${host}.log`, ranges: [{ start: 100, end: 140, labels: ['ssh_brute_force'] }] }));
  }
  fs.writeFileSync(path.join(root, 'small-shards.json'), JSON.stringify({ preprocess: { records_per_shard: 2500 } }));
  return root;
}

function outputs(root: string): Record<string, string> {
  const dir = path.join(root, 'processed', 'auth');
  return Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

const preprocess = (root: string, kill?: string) =>
  cli(['preprocess', '--log_type', 'auth', '--data_dir', root, '--config', path.join(root, 'small-shards.json'), '--quiet'], { env: kill ? { LAD_FAULT_KILL: kill } : {} });

test('killed at several points, the resumed preprocessing writes the same shards as an uninterrupted run', () => {
  const straight = makeData();
  assert.equal(preprocess(straight).code, 0);
  const expected = outputs(straight);
  assert.ok(Object.keys(expected).length >= 9, `several shards: ${Object.keys(expected)}`);

  const crashed = makeData();
  for (const at of [3000, 5001, 4500]) {
    const killed = preprocess(crashed, `preprocess:${at}`);
    assert.equal(killed.code, null, `killed at progress check ${at}: ${killed.stderr}`);
  }
  const last = cli(['preprocess', '--log_type', 'auth', '--data_dir', crashed, '--config', path.join(crashed, 'small-shards.json')]);
  assert.equal(last.code, 0, last.stderr);
  assert.match(last.stderr, /resuming stage from its checkpoint/);
  assert.deepEqual(outputs(crashed), expected);
});
