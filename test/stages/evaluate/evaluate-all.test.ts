// Tests of the results folder: every file written, CSV rows, detailed JSON, the report's
// escaping and inline images, missing embedders reported, and byte-identical reruns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateAll, type EvaluateAllInput } from '../../../src/stages/evaluate/evaluate-all.js';
import { SUMMARY_COLUMNS, csvField } from '../../../src/stages/evaluate/report/csv.js';
import { escapeHtml } from '../../../src/stages/evaluate/report/html.js';
import { syntheticEmbedder, syntheticLineText } from './synthetic-scores.js';

function input(resultsDir: string, optimizeThresholds = false): EvaluateAllInput {
  return {
    resultsDir,
    embedders: [syntheticEmbedder('fasttext', 1, 0.6), syntheticEmbedder('word2vec', 2, 0.3)],
    missing: [{ embedder: 'logbert', reason: 'no model: run-pipeline train --embedding_type logbert' }],
    optimizeThresholds,
    lineText: syntheticLineText,
    title: 'Evaluation <vpn>',
  };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'evaluate-'));

test('evaluateAll writes every result file and reports the missing embedder', async () => {
  const dir = tmp();
  const result = await evaluateAll(input(dir));
  const relative = result.files.map((f) => path.relative(dir, f)).sort();
  assert.deepEqual(relative, [
    'detailed_metrics.json', 'fasttext/confusion_matrices.png', 'fasttext/embedding_projection.png', 'fasttext/precision_recall_curves.png', 'fasttext/roc_curves.png',
    'metrics_summary.csv', 'performance_comparison.png', 'report.html',
    'word2vec/confusion_matrices.png', 'word2vec/embedding_projection.png', 'word2vec/precision_recall_curves.png', 'word2vec/roc_curves.png',
  ]);
  assert.deepEqual(result.summary.map((s) => s.embedder), ['fasttext', 'word2vec']);
  const detailed = JSON.parse(fs.readFileSync(path.join(dir, 'detailed_metrics.json'), 'utf8'));
  assert.equal(detailed.threshold_mode, 'model');
  assert.deepEqual(Object.keys(detailed.embedders), ['fasttext', 'word2vec']);
  assert.deepEqual(detailed.missing, [{ embedder: 'logbert', reason: 'no model: run-pipeline train --embedding_type logbert' }]);
  assert.equal(detailed.embedders.fasttext.window.binary.f1, result.summary[0].f1);
  assert.equal(detailed.embedders.fasttext.projection.method, 'umap');
  assert.equal(detailed.embedders.word2vec.window.per_class[2].status, 'no positive examples');
  const csv = fs.readFileSync(path.join(dir, 'metrics_summary.csv'), 'utf8').trimEnd().split('\n');
  assert.equal(csv[0], SUMMARY_COLUMNS.join(','));
  assert.deepEqual(csv.slice(1).map((row) => row.split(',').slice(0, 4).join(',')), [
    'fasttext,window,evaluated,model', 'fasttext,line,evaluated,model', 'word2vec,window,evaluated,model', 'word2vec,line,evaluated,model',
    'logbert,window,not evaluated: no model: run-pipeline train --embedding_type logbert,', 'logbert,line,not evaluated: no model: run-pipeline train --embedding_type logbert,',
  ]);
  assert.equal(csv[1].split(',')[11], String(result.summary[0].f1));
});

test('report.html is self-contained, escaped, and lists the top windows with their lines', async () => {
  const dir = tmp();
  await evaluateAll(input(dir, true));
  const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
  assert.match(html, /<title>Evaluation &lt;vpn&gt;<\/title>/);
  assert.equal((html.match(/<img [^>]*src="data:image\/png;base64,/g) ?? []).length, 9);
  assert.doesNotMatch(html, /(src|href)="(?!data:)/, 'nothing loaded from elsewhere');
  assert.doesNotMatch(html, /<script/);
  assert.doesNotMatch(html, /user=<u/, 'log text is escaped');
  assert.match(html, /login user=&lt;u100\d+&gt; from 10\.0\.0\.\d+ &amp; &quot;ok&quot;/);
  assert.equal((html.match(/<div class="window">/g) ?? []).length, 100, '50 windows for each of the two embedders');
  assert.match(html, /F1-optimal, chosen on the validation split/);
  assert.match(html, /Not evaluated: <b>logbert<\/b>/);
  assert.match(html, /<tr class="anomalous flagged">/);
  assert.match(html, /true: <span class="cls">brute_force<\/span><\/span><span>predicted: /);
});

test('the same input gives byte-identical files', async () => {
  const [a, b] = [tmp(), tmp()];
  await evaluateAll(input(a, true));
  await evaluateAll(input(b, true));
  for (const name of ['detailed_metrics.json', 'metrics_summary.csv', 'report.html', 'fasttext/embedding_projection.png', 'performance_comparison.png']) {
    assert.ok(fs.readFileSync(path.join(a, name)).equals(fs.readFileSync(path.join(b, name))), name);
  }
});

test('HTML and CSV escaping', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.deepEqual([csvField('a,b'), csvField('say "hi"'), csvField(null), csvField(0.5), csvField('line\nbreak')], ['"a,b"', '"say ""hi"""', '', '0.5', '"line\nbreak"']);
});

test('an empty test split and a run without classes still give every file, with nulls and statuses', async () => {
  const dir = tmp();
  const empty = (split: 'validation' | 'test') => ({
    schema: 1 as const, split, embedder: 'fasttext', mode: 'unsupervised' as const, classes: [],
    windows: { start: [], end: [], entity: [], score: [], class_scores: [], labels: [] },
    lines: { index: [], score: [], labels: [] },
    thresholds: { window: 1, line: 1, classes: [] },
  });
  const result = await evaluateAll({ resultsDir: dir, embedders: [{ embedder: 'fasttext', validation: empty('validation'), test: empty('test') }], missing: [], optimizeThresholds: true, lineText: syntheticLineText, title: 'empty' });
  assert.deepEqual(result.summary, [{ embedder: 'fasttext', f1: null, aucRoc: null, aucPr: null }]);
  assert.equal(result.files.length, 8);
  const detailed = JSON.parse(fs.readFileSync(path.join(dir, 'detailed_metrics.json'), 'utf8'));
  assert.equal(detailed.embedders.fasttext.window.binary.status, 'no positive examples');
  assert.equal(detailed.embedders.fasttext.window.binary.accuracy, null);
  assert.deepEqual(detailed.embedders.fasttext.thresholds.notes, [
    "window anomaly: validation has no positive examples; the model's threshold 1 is kept",
    "line anomaly: validation has no positive examples; the model's threshold 1 is kept",
  ]);
});
