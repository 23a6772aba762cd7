// Benchmark of the evaluation stage's parts: ranking metrics, one embedder's evaluation, the
// [CLS] projection, chart rendering and a whole results folder. Prints a markdown table.
// Usage: node dist/bench/evaluate.js [--sizes 10000,100000] [--windows 2000] [--projection 500]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { averagePrecisionScore, rocAucScore } from '../src/stages/evaluate/metrics/ranking.js';
import { evaluateEmbedder } from '../src/stages/evaluate/evaluate-embedder.js';
import { evaluateAll } from '../src/stages/evaluate/evaluate-all.js';
import { projectVectors } from '../src/stages/evaluate/charts/projection.js';
import { writeEmbedderCharts } from '../src/stages/evaluate/charts/write-charts.js';
import { DEFAULT_EVALUATE_PARAMS } from '../src/stages/evaluate/params.js';
import { prng, syntheticEmbedder, syntheticLineText, syntheticScores } from '../test/stages/evaluate/synthetic-scores.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const rows: string[][] = [];
async function time(step: string, size: string, work: () => unknown): Promise<void> {
  const started = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  rows.push([step, size, ms.toFixed(1), `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}`]);
}

const sizes = option('sizes', '10000,100000').split(',').map(Number);
const windows = Number(option('windows', '2000'));
const projectionPoints = Number(option('projection', '500'));

for (const n of sizes) {
  const random = prng(n);
  const truth = Array.from({ length: n }, () => random() < 0.1);
  const scores = truth.map((t) => Math.round((random() + (t ? 0.5 : 0)) * 1e4) / 1e4);
  await time('roc_auc_score', `${n} scores`, () => rocAucScore(truth, scores));
  await time('average_precision_score', `${n} scores`, () => averagePrecisionScore(truth, scores));
}

const embedder = {
  embedder: 'fasttext',
  validation: syntheticScores({ split: 'validation', windows, windowSize: 32, seed: 1, clsDim: 64 }),
  test: syntheticScores({ split: 'test', windows, windowSize: 32, seed: 2, clsDim: 64 }),
};
const lines = windows * 32;
await time('evaluateEmbedder (model thresholds)', `${windows} windows, ${lines} lines`, () => evaluateEmbedder(embedder, false, 1000));
await time('evaluateEmbedder (F1-optimal thresholds)', `${windows} windows, ${lines} lines`, () => evaluateEmbedder(embedder, true, 1000));

const cls = embedder.test.windows.cls!.slice(0, projectionPoints);
const labels = cls.map((_, i) => String(embedder.test.windows.labels[i][0] ?? 'normal'));
await time('UMAP projection', `${cls.length} x 64`, () => projectVectors(cls, labels, DEFAULT_EVALUATE_PARAMS.projection));
await time('PCA projection', `${cls.length} x 64`, () => projectVectors(cls, labels, { ...DEFAULT_EVALUATE_PARAMS.projection, method: 'pca' }));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-evaluate-'));
const evaluation = evaluateEmbedder(embedder, false, 1000);
const small = { ...DEFAULT_EVALUATE_PARAMS, projection: { ...DEFAULT_EVALUATE_PARAMS.projection, max_points: projectionPoints } };
await time('4 charts of one embedder (PNG)', `${windows} windows`, () => writeEmbedderCharts(path.join(dir, 'charts'), evaluation, embedder.test, small));
await time('evaluateAll: 3 embedders, all files', '40 windows each', () => evaluateAll({
  resultsDir: path.join(dir, 'all'),
  embedders: [syntheticEmbedder('fasttext', 1), syntheticEmbedder('word2vec', 2), syntheticEmbedder('logbert', 3)],
  missing: [], optimizeThresholds: true, lineText: syntheticLineText, title: 'bench',
}));
fs.rmSync(dir, { recursive: true, force: true });

const header = ['step', 'size', 'ms', 'rss MiB'];
process.stdout.write([header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n');
