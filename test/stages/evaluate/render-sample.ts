// Renders every chart from synthetic scores into a folder, to look at them by eye:
// node dist/test/stages/evaluate/render-sample.js <out-dir>
import { evaluateEmbedder } from '../../../src/stages/evaluate/evaluate-embedder.js';
import { writeComparisonChart, writeEmbedderCharts } from '../../../src/stages/evaluate/charts/write-charts.js';
import { DEFAULT_EVALUATE_PARAMS } from '../../../src/stages/evaluate/params.js';
import { syntheticEmbedder } from './synthetic-scores.js';

const out = process.argv[2] ?? '/tmp/evaluate-charts';
const embedders = [syntheticEmbedder('fasttext', 1, 0.6), syntheticEmbedder('word2vec', 2, 0.3)];
const evaluations = embedders.map((e) => evaluateEmbedder(e, true, 200));
for (let i = 0; i < embedders.length; i++) await writeEmbedderCharts(`${out}/${embedders[i].embedder}`, evaluations[i], embedders[i].test, DEFAULT_EVALUATE_PARAMS);
await writeComparisonChart(out, evaluations, ['logbert'], DEFAULT_EVALUATE_PARAMS);
