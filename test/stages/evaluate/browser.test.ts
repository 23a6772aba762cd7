// Opens report.html (from synthetic scores) in headless Chromium: no console errors (the page's
// CSP turns any network fetch into one), the DOM has the table and charts, a screenshot is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { evaluateAll } from '../../../src/stages/evaluate/evaluate-all.js';
import { syntheticEmbedder, syntheticLineText } from './synthetic-scores.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const absent = fs.existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (Debian package chromium; .ci/run installs it), so the browser check is skipped`;
const CONSOLE_LINE = /:CONSOLE(?:\(\d+\)|:\d+)\] .*/g;

/** Runs headless Chromium on a file with a fresh profile; returns stdout, the console lines and the exit code. */
function chromium(file: string, extra: string[]): { stdout: string; console: string[]; status: number | null } {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  try {
    const run = spawnSync(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0',
      ...extra, `file://${file}`,
    ], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
    return { stdout: run.stdout, console: run.stderr.match(CONSOLE_LINE) ?? [], status: run.status };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

test('report.html loads in headless Chromium without console errors, and a screenshot is written', { skip: absent }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evaluate-browser-'));
  await evaluateAll({
    resultsDir: dir,
    embedders: [syntheticEmbedder('fasttext', 1, 0.6), syntheticEmbedder('word2vec', 2, 0.3)],
    missing: [{ embedder: 'logbert', reason: 'never trained' }],
    optimizeThresholds: false,
    lineText: syntheticLineText,
    title: 'Evaluation: vpn',
  });
  const report = path.join(dir, 'report.html');
  const dom = chromium(report, ['--dump-dom']);
  assert.equal(dom.status, 0);
  assert.deepEqual(dom.console, []);
  assert.match(dom.stdout, /<table class="summary">/);
  assert.equal((dom.stdout.match(/<img [^>]*src="data:image\/png/g) ?? []).length, 9);
  const screenshot = path.join(dir, 'report.png');
  const shot = chromium(report, ['--window-size=1280,1600', `--screenshot=${screenshot}`]);
  assert.equal(shot.status, 0);
  assert.deepEqual(shot.console, []);
  const png = fs.readFileSync(screenshot);
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 1600]);
});

test('the console check catches errors (a page that logs one and fetches from the network)', { skip: absent }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evaluate-browser-'));
  const page = path.join(dir, 'bad.html');
  fs.writeFileSync(page, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'"><img src="https://example.com/x.png">`);
  const run = chromium(page, ['--dump-dom']);
  assert.equal(run.console.length, 1);
  assert.match(run.console[0], /violates the following Content Security Policy/);
});
