// Benchmark of the preprocessing stage (read, parse, mask, mine, write TFRecord) on one core:
// lines/s, MB/s and peak RSS on a generated auth log and on the Loghub samples, one child process per case.
// Usage: node dist/bench/preprocess.js [generated lines, default 1000000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.js';
import { dataPaths } from '../src/pipeline/paths.js';
import { runStage } from '../src/pipeline/runner.js';
import { configureLogger } from '../src/runtime/logger.js';
import { writeSample } from '../src/sample/index.js';
import { preprocessStage } from '../src/stages/preprocess/stage.js';

const LOGHUB = path.resolve(fileURLToPath(import.meta.url), '../../../../shared/datasets/loghub');

async function runCase(root: string): Promise<void> {
  configureLogger({ verbosity: 'quiet' });
  const paths = dataPaths(root, 'bench');
  const bytes = fs.readdirSync(paths.logs).reduce((sum, name) => sum + fs.statSync(path.join(paths.logs, name)).size, 0);
  const started = process.hrtime.bigint();
  const record = await runStage(preprocessStage, { paths, config: loadConfig(), options: {} }, { forceRestart: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = Number(record.summary.lines);
  const templates = Number(record.summary.templates);
  process.stdout.write(JSON.stringify({ lines, bytes, seconds, templates, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

function prepare(name: string, fill: (logs: string) => Promise<void> | void): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `lad-bench-${name}-`));
  fs.mkdirSync(path.join(root, 'logs', 'bench'), { recursive: true });
  return Promise.resolve(fill(path.join(root, 'logs', 'bench'))).then(() => root);
}

async function generated(lines: number): Promise<string> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lad-bench-gen-'));
  await writeSample({ logType: 'auth', users: 20, lines, seed: 7, outDir: root });
  fs.renameSync(path.join(root, 'logs', 'auth'), path.join(root, 'logs', 'bench'));
  fs.rmSync(path.join(root, 'labels'), { recursive: true, force: true });
  return root;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--case') return runCase(process.argv[3]);
  const lines = Number(process.argv[2] ?? 1_000_000);
  const cases: [string, Promise<string>][] = [[`generated auth, ${lines.toLocaleString('en-US')} lines`, generated(lines)]];
  for (const name of ['HDFS', 'OpenSSH', 'Apache', 'Linux']) {
    const file = path.join(LOGHUB, `${name}_2k.log`);
    if (fs.existsSync(file)) cases.push([`Loghub ${name} 2k`, prepare(name, (logs) => fs.copyFileSync(file, path.join(logs, `${name}.log`)))]);
  }
  console.log('| input | lines | MB | templates | seconds | lines/s | MB/s | peak RSS MB |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [label, rootPromise] of cases) {
    const root = await rootPromise;
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', root], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${label}: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as { lines: number; bytes: number; seconds: number; templates: number; maxRssKb: number };
    const mb = r.bytes / 1e6;
    console.log(`| ${label} | ${r.lines} | ${mb.toFixed(1)} | ${r.templates} | ${r.seconds.toFixed(2)} | ${Math.round(r.lines / r.seconds)} | ${(mb / r.seconds).toFixed(1)} | ${(r.maxRssKb / 1024).toFixed(0)} |`);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
