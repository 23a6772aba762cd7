// Tests of the evaluation stage: evaluating before training names the missing model and the
// command; an untrained embedder is reported while the others are evaluated; config errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataPaths } from '../../../src/pipeline/paths.js';
import { writeScores } from '../../../src/io/scores-file.js';
import type { Config } from '../../../src/config/schema.js';
import type { StageRun } from '../../../src/pipeline/stage.js';
import { evaluateStage } from '../../../src/stages/evaluate/stage.js';
import { syntheticEmbedder, syntheticLineText } from './synthetic-scores.js';

function stageRun(root: string, evaluate: object = {}, options: Record<string, unknown> = {}): StageRun & { checkpoints: number[] } {
  const checkpoints: number[] = [];
  return {
    paths: dataPaths(root, 'vpn'),
    config: { evaluate } as unknown as Config,
    options,
    resume: null,
    checkpoints,
    checkpoint: async (progress: number) => { checkpoints.push(progress); },
    due: () => true,
  };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'evaluate-stage-'));

test('evaluating before training names the missing model files and the command that makes them', async () => {
  const root = tmp();
  await assert.rejects(evaluateStage(['fasttext']).run(stageRun(root)), {
    name: 'PipelineError',
    message: `no trained model to evaluate: fasttext: models/vpn/fasttext/scores-validation.json and models/vpn/fasttext/scores-test.json missing: run run-pipeline train --embedding_type fasttext --log_type vpn --data_dir ${root}`,
  });
});

test('an embedder that was never trained is reported; the trained one is still evaluated', async () => {
  const root = tmp();
  const run = stageRun(root, { top_windows: 5 }, { optimize_thresholds: true });
  const scores = syntheticEmbedder('word2vec', 5);
  writeScores(run.paths.model('word2vec'), scores.validation);
  writeScores(run.paths.model('word2vec'), scores.test);
  const stage = evaluateStage(['fasttext', 'word2vec'], { lineText: () => syntheticLineText });
  assert.deepEqual((await stage.inputFiles(run)).map((f) => path.relative(root, f)), ['models/vpn/word2vec/scores-validation.json', 'models/vpn/word2vec/scores-test.json']);
  const result = await stage.run(run);
  assert.deepEqual(run.checkpoints, [1]);
  const summary = result.summary as { rows: { embedder: string }[]; missing: { embedder: string; reason: string }[]; threshold_mode: string };
  assert.deepEqual(summary.rows.map((r) => r.embedder), ['word2vec']);
  assert.deepEqual(summary.missing.map((m) => m.embedder), ['fasttext']);
  assert.equal(summary.threshold_mode, 'f1_optimal_on_validation');
  const html = fs.readFileSync(path.join(root, 'results/vpn/report.html'), 'utf8');
  assert.ok(html.includes(`Not evaluated: <b>fasttext</b> (models/vpn/fasttext/scores-validation.json and models/vpn/fasttext/scores-test.json missing: run run-pipeline train --embedding_type fasttext --log_type vpn --data_dir ${root})`), 'the missing embedder and the command that trains it');
  assert.equal((html.match(/<div class="window">/g) ?? []).length, 5);
  assert.match(html, /<p class="verdict">On the test split, word2vec \(macro F1 over classes [01]\.\d{3}, window F1 [01]\.\d{3}, AUC-ROC [01]\.\d{3}\) flags \d+ of the \d+ anomalous windows?, with \d+ false alarms? among \d+ normal windows?\.<\/p>/);
  assert.equal((result.summary as { verdict: string }).verdict, html.match(/<p class="verdict">([^<]*)<\/p>/)![1]);
  assert.ok(result.outputs.includes(path.join(root, 'results/vpn/detailed_metrics.json')));
});

test('a bad evaluate setting is a config error naming the field', () => {
  const stage = evaluateStage(['fasttext']);
  assert.throws(() => stage.configSlice(stageRun(tmp(), { projection: { method: 'tsne' } })), {
    name: 'PipelineError', message: /^configuration field evaluate\.projection\.method: .*; fix it in the --config file$/,
  });
  assert.throws(() => stage.configSlice(stageRun(tmp(), { top_window: 3 })), { message: /^configuration field evaluate: .*top_window/ });
});
