// Word-embedding training speed and quality side by side with the reference fastText 0.9.2
// (Debian's /usr/bin/fasttext), on the same corpus file and parameters: skipgram, dim 100, epoch 1,
// minCount 1, neg 5, ws 5, one thread, 200,000 buckets; FastText with default n-grams, Word2Vec as maxn 0.
// Quality: a corpus of planted co-occurrence groups; the share of each token's 10 nearest
// neighbours that belong to its own group.
// Usage: node dist/bench/embeddings.js [lines of the planted corpus, default 400000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WordModelParams } from '../src/embedders/shared/params.js';
import { loadTextVectors } from '../src/embedders/shared/text-vectors.js';
import { trainWordModel } from '../src/embedders/shared/trainer.js';
import { tokenVector } from '../src/embedders/shared/word-vectors.js';
import { Random } from '../src/runtime/random.js';

const GROUPS = 20;
const PER_GROUP = 10;
const word = (g: number, i: number) => `g${g}w${i}`;

function plantedCorpus(lines: number): string[] {
  const random = new Random(7);
  return Array.from({ length: lines }, () => {
    const g = random.int(0, GROUPS - 1);
    return Array.from({ length: 12 }, () => word(g, random.int(0, PER_GROUP - 1))).join(' ');
  });
}

function neighbourPurity(vectors: Map<string, Float32Array>): number {
  const words = [...vectors.keys()].filter((w) => /^g\d+w\d+$/.test(w));
  const norm = (v: Float32Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  let hits = 0;
  for (const a of words) {
    const va = vectors.get(a)!;
    const ranked = words.filter((b) => b !== a).map((b) => {
      const vb = vectors.get(b)!;
      let dot = 0;
      for (let k = 0; k < va.length; k++) dot += va[k] * vb[k];
      return { b, cos: dot / norm(va) / norm(vb) };
    }).sort((x, y) => y.cos - x.cos).slice(0, 10);
    hits += ranked.filter(({ b }) => b.split('w')[0] === a.split('w')[0]).length;
  }
  return hits / (words.length * 10);
}

async function ours(lines: string[], maxn: number, threads = 1) {
  const distinct = [...new Set(lines)];
  const index = new Map(distinct.map((l, i) => [l, i]));
  const counts = new Uint32Array(distinct.length);
  const rows = Uint32Array.from(lines, (l) => index.get(l)!);
  rows.forEach((r) => counts[r]++);
  const params: WordModelParams = { model: 'skipgram', dim: 100, ws: 5, epoch: 1, min_count: 1, neg: 5, lr: 0.05, t: 1e-4, minn: 3, maxn, bucket: maxn ? 200_000 : 0, line_vector: 'mean', sif_a: 1e-3, threads, pretrained: null };
  const started = performance.now();
  const model = await trainWordModel({ lines: distinct, lineCounts: counts, rows, params, threads, seed: 1, stateDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lad-bench-')), resume: false, due: () => false, onCheckpoint: async () => {} });
  const seconds = (performance.now() - started) / 1000;
  const vectors = new Map(model.vocabulary.words.map((w) => [w, tokenVector(model, w)!]));
  return { seconds, tokens: model.vocabulary.totalTokens, purity: neighbourPurity(vectors) };
}

async function reference(corpusFile: string, maxn: number, tokens: number) {
  const out = path.join(path.dirname(corpusFile), `ref${maxn}`);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', 'fasttext', 'skipgram', '-input', corpusFile, '-output', out, '-dim', '100', '-epoch', '1', '-minCount', '1', '-neg', '5', '-ws', '5', '-thread', '1', '-maxn', String(maxn), '-bucket', '200000', '-verbose', '0'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const loaded = await loadTextVectors(`${out}.vec`, Array.from({ length: GROUPS * PER_GROUP }, (_, i) => word(Math.floor(i / PER_GROUP), i % PER_GROUP)), 'vec');
  return { seconds, tokens, purity: neighbourPurity(loaded.vectors), rssKb: Number(run.stderr.trim().split('\n').pop()) };
}

const lines = plantedCorpus(Number(process.argv[2] ?? 400_000));
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lad-bench-')), 'corpus.txt');
fs.writeFileSync(file, lines.join('\n') + '\n');
console.log('| model | implementation | tokens | seconds | words/s/thread | ratio to reference | 10-NN purity |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const [name, maxn] of [['FastText (n-grams 3-6)', 6], ['Word2Vec (maxn 0)', 0]] as const) {
  const a = await ours(lines, maxn);
  const b = await reference(file, maxn, a.tokens);
  console.log(`| ${name} | reference fastText 0.9.2 | ${b.tokens} | ${b.seconds.toFixed(1)} | ${Math.round(b.tokens / b.seconds)} | 1.00 | ${b.purity.toFixed(3)} |`);
  console.log(`| ${name} | ours | ${a.tokens} | ${a.seconds.toFixed(1)} | ${Math.round(a.tokens / a.seconds)} | ${(b.seconds / a.seconds).toFixed(2)} | ${a.purity.toFixed(3)} |`);
  const two = await ours(lines, maxn, 2);
  console.log(`| ${name} | ours, 2 threads (${(a.seconds / two.seconds).toFixed(2)}x the 1-thread speed) | ${two.tokens} | ${two.seconds.toFixed(1)} | ${Math.round(two.tokens / two.seconds / 2)} | ${(b.seconds / two.seconds / 2).toFixed(2)} | ${two.purity.toFixed(3)} |`);
}
