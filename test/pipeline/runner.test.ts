// Tests of the stage runner: skip, resume, restart on change, corrupted checkpoints, crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.js';
import { dataPaths } from '../../src/pipeline/paths.js';
import { runStage } from '../../src/pipeline/runner.js';
import { runUnderLock } from '../../src/cli/actions.js';
import { readCheckpoint } from '../../src/pipeline/checkpoint.js';
import { configureLogger } from '../../src/runtime/logger.js';
import type { StageContext } from '../../src/pipeline/stage.js';
import { fileAppears } from '../helpers/file-appears.js';
import { countStage } from './fixtures/count-stage.js';

configureLogger({ verbosity: 'quiet' });
const COUNT_RUN = fileURLToPath(new URL('./fixtures/count-run.js', import.meta.url));
const expected = (n: number) => Array.from({ length: n }, (_, i) => `${i}\n`).join('');

function tempContext(): StageContext {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-runner-'));
  return { paths: dataPaths(root, 'count'), config: loadConfig(), options: {} };
}

test('a finished stage is skipped on the next run, and --force_restart runs it again', async () => {
  const context = tempContext();
  const first = await runStage(countStage(100), context, { forceRestart: false });
  assert.equal(first.outcome, 'ran');
  assert.ok(first.checkpoints_written >= 21, `checkpoints every 5%: ${first.checkpoints_written}`);
  const second = await runStage(countStage(100), context, { forceRestart: false });
  assert.equal(second.outcome, 'skipped');
  const forced = await runStage(countStage(100), context, { forceRestart: true });
  assert.equal(forced.outcome, 'ran');
  assert.equal(fs.readFileSync(path.join(context.paths.root, 'count.txt'), 'utf8'), expected(100));
});

test('--force_restart restarts the stages a command names, and reuses the finished ones it only needs', async () => {
  const context = tempContext();
  const plan = { needed: [countStage(10, 0, 'needed')], named: [countStage(5)] };
  assert.deepEqual((await runUnderLock(context, plan, false)).map((r) => [r.stage, r.outcome]), [['needed', 'ran'], ['count', 'ran']]);
  assert.deepEqual((await runUnderLock(context, plan, true)).map((r) => [r.stage, r.outcome]), [['needed', 'skipped'], ['count', 'ran']]);
});

test('a changed configuration restarts the stage', async () => {
  const context = tempContext();
  await runStage(countStage(50), context, { forceRestart: false });
  const changed = await runStage(countStage(60), context, { forceRestart: false });
  assert.equal(changed.outcome, 'ran');
  assert.equal(fs.readFileSync(path.join(context.paths.root, 'count.txt'), 'utf8'), expected(60));
});

test('a corrupted checkpoint is detected and the stage restarts', async () => {
  const context = tempContext();
  await runStage(countStage(40), context, { forceRestart: false });
  fs.writeFileSync(context.paths.checkpoint('count'), '{"schema":1,"stage":"count","sta');
  const rerun = await runStage(countStage(40), context, { forceRestart: false });
  assert.equal(rerun.outcome, 'ran');
  assert.equal(readCheckpoint(context.paths.checkpoint('count'))?.status, 'done');
});

test('a running checkpoint resumes from its cursor', async () => {
  const context = tempContext();
  const crashing = countStage(100);
  const inner = crashing.run;
  await assert.rejects(
    runStage({ ...crashing, run: (run) => inner({ ...run, checkpoint: async (p, c) => { await run.checkpoint(p, c); if (p >= 0.5) throw new Error('crash'); } }) }, context, { forceRestart: false }),
    /crash/,
  );
  const checkpoint = readCheckpoint(context.paths.checkpoint('count'));
  assert.equal(checkpoint?.status, 'running');
  assert.deepEqual(checkpoint?.cursor, { next: 50, bytes: expected(50).length });
  const resumed = await runStage(countStage(100), context, { forceRestart: false });
  assert.equal(resumed.outcome, 'resumed');
  assert.equal(resumed.resumed_from, 0.5);
  assert.equal(fs.readFileSync(path.join(context.paths.root, 'count.txt'), 'utf8'), expected(100));
});

function runChild(root: string, total: number, killAfterMs: number | null): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [COUNT_RUN, root, String(total), '50'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test('killed with SIGKILL at several moments, the rerun ends with every item exactly once', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-kill-'));
  const total = 20000;
  let kills = 0;
  for (const delay of [250, 350, 450, 550]) {
    const { code } = await runChild(root, total, delay);
    if (code === null) kills++;
  }
  const last = await runChild(root, total, null);
  assert.equal(last.code, 0, last.stderr);
  assert.ok(kills >= 2, `at least two runs were killed mid-way (${kills})`);
  assert.equal(fs.readFileSync(path.join(root, 'count.txt'), 'utf8'), expected(total));
});

test('a second run on the same log type is refused while the first holds the lock', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-lock-'));
  const first = runChild(root, 40000, null);
  const lockFile = dataPaths(root, 'count').lock;
  await fileAppears(lockFile, first);
  const second = await runChild(root, 40000, null);
  assert.equal(second.code, 5);
  assert.match(second.stderr, /log type "count" is being processed by another run \(pid \d+/);
  assert.equal((await first).code, 0);
  assert.equal(fs.existsSync(lockFile), false, 'the lock is released at the end');
});

test('a stale lock of a dead process is taken over', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-stale-'));
  const lockFile = dataPaths(root, 'count').lock;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  fs.writeFileSync(lockFile, '999999\n');
  const run = await runChild(root, 100, null);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(fs.readFileSync(path.join(root, 'count.txt'), 'utf8'), expected(100));
});
