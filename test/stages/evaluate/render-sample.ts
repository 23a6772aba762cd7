// Writes a full results folder (metrics, charts, report.html) from synthetic scores, to look at
// by eye: node dist/test/stages/evaluate/render-sample.js <out-dir>
import { evaluateAll } from '../../../src/stages/evaluate/evaluate-all.js';
import { syntheticEmbedder, syntheticLineText } from './synthetic-scores.js';

const out = process.argv[2] ?? '/tmp/evaluate-sample';
const result = await evaluateAll({
  resultsDir: out,
  embedders: [syntheticEmbedder('fasttext', 1, 0.6), syntheticEmbedder('word2vec', 2, 0.3)],
  missing: [{ embedder: 'logbert', reason: 'models/vpn/logbert/scores-test.json does not exist: run-pipeline train --embedding_type logbert' }],
  optimizeThresholds: true,
  lineText: syntheticLineText,
  title: 'Evaluation: vpn (synthetic)',
});
process.stdout.write(JSON.stringify(result, null, 1) + '\n');
