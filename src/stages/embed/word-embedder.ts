// The FastText and Word2Vec embedding stages: train on the corpus (or load pre-trained vectors),
// save the model in the reference tools' formats, and embed every distinct masked line.
import fs from 'node:fs';
import path from 'node:path';
import { loadFastTextBin, FASTTEXT_MAGIC, type PretrainedVectors } from '../../embedders/fasttext/bin-format.js';
import { saveFastTextBin } from '../../embedders/fasttext/bin-format.js';
import type { WordModelParams } from '../../embedders/shared/params.js';
import { loadTextVectors, saveTextVectors } from '../../embedders/shared/text-vectors.js';
import { tokenizeMasked } from '../../embedders/shared/tokenize.js';
import { trainWordModel, type WordModel } from '../../embedders/shared/trainer.js';
import { lineVectors, mapSource, modelSource, tokenVector, type LineVectors } from '../../embedders/shared/word-vectors.js';
import { loadWord2VecBinary, saveWord2VecBinary } from '../../embedders/word2vec/binary-format.js';
import { resolveProfile } from '../../config/performance.js';
import type { DistinctLines } from '../../io/corpus.js';
import { PipelineError } from '../../pipeline/errors.js';
import type { StageRun } from '../../pipeline/stage.js';
import { logger } from '../../runtime/logger.js';
import { startProgress } from '../../runtime/progress.js';

export interface EmbedResult {
  readonly vectors: LineVectors;
  readonly method: string;
  readonly modelFiles: string[];
  readonly summary: Record<string, unknown>;
}

function isFastTextBin(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(4);
  const got = fs.readSync(fd, head, 0, 4, 0);
  fs.closeSync(fd);
  return got === 4 && head.readInt32LE(0) === FASTTEXT_MAGIC;
}

async function loadPretrained(file: string, tokens: string[]): Promise<PretrainedVectors> {
  if (!fs.existsSync(file)) throw new PipelineError('config', `pre-trained vectors ${file} do not exist; fix the path in the config or set pretrained to null to train`);
  if (/\.(vec|txt)$/.test(file)) return loadTextVectors(file, tokens, `text vectors ${path.basename(file)}`);
  return isFastTextBin(file) ? loadFastTextBin(file, tokens) : loadWord2VecBinary(file, tokens);
}

function distinctTokens(lines: readonly string[]): string[] {
  return [...new Set(lines.flatMap(tokenizeMasked))];
}

async function fromPretrained(params: WordModelParams, distinct: DistinctLines): Promise<EmbedResult> {
  const tokens = distinctTokens(distinct.lines);
  const loaded = await loadPretrained(params.pretrained!, tokens);
  const counts = new Map<string, number>();
  distinct.lines.forEach((line, row) => tokenizeMasked(line).forEach((token) => counts.set(token, (counts.get(token) ?? 0) + distinct.counts[row])));
  const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
  const vectors = lineVectors(mapSource(loaded.dim, loaded.vectors, (token) => (counts.get(token) ?? 0) / total), distinct.lines, params.line_vector, params.sif_a);
  logger().info({ known: loaded.vectors.size, tokens: tokens.length, dim: loaded.dim }, `loaded pre-trained vectors: ${loaded.method}`);
  return { vectors, method: `pre-trained: ${loaded.method}`, modelFiles: [], summary: { pretrained: params.pretrained, known_tokens: loaded.vectors.size, tokens: tokens.length } };
}

function saveModel(embedder: 'fasttext' | 'word2vec', model: WordModel, dir: string): string[] {
  const words = model.vocabulary.words;
  const vectorOf = (i: number) => tokenVector(model, words[i]) ?? new Float32Array(model.dim);
  if (embedder === 'fasttext') {
    saveFastTextBin(model, path.join(dir, 'model.bin'));
    saveTextVectors(path.join(dir, 'model.vec'), words, vectorOf, model.dim);
    return [path.join(dir, 'model.bin'), path.join(dir, 'model.vec')];
  }
  saveWord2VecBinary(path.join(dir, 'model.bin'), words, vectorOf, model.dim);
  return [path.join(dir, 'model.bin')];
}

export async function embedWithWords(run: StageRun, embedder: 'fasttext' | 'word2vec', distinct: DistinctLines, dir: string): Promise<EmbedResult> {
  const params = run.config.embeddings[embedder];
  if (params.pretrained) return fromPretrained(params, distinct);
  const progress = startProgress(`${embedder} training`, 100, '%');
  const started = Date.now();
  const model = await trainWordModel({
    lines: distinct.lines,
    lineCounts: distinct.counts,
    rows: distinct.rows,
    params,
    seed: run.config.seed,
    threads: params.threads ?? resolveProfile(distinct.rows.length, run.config.performance).workers,
    stateDir: run.paths.stageState(`embed-${embedder}`),
    resume: run.resume !== null,
    due: (fraction) => run.due(fraction * 0.95),
    onCheckpoint: (fraction) => run.checkpoint(fraction * 0.95, { training: true }),
    onProgress: (fraction, wordsPerSecond) => progress.update(fraction * 100, { 'words/s': wordsPerSecond }),
  });
  progress.stop();
  const seconds = (Date.now() - started) / 1000;
  const tokens = params.epoch * model.vocabulary.totalTokens;
  const vectors = lineVectors(modelSource(model), distinct.lines, params.line_vector, params.sif_a);
  const modelFiles = saveModel(embedder, model, dir);
  const method = `${embedder} ${params.model} dim ${params.dim} ws ${params.ws} epoch ${params.epoch} minCount ${params.min_count}${params.maxn > 0 ? ` minn ${params.minn} maxn ${params.maxn} bucket ${params.bucket}` : ''}`;
  return { vectors, method, modelFiles, summary: { threads: params.threads ?? resolveProfile(distinct.rows.length, run.config.performance).workers, vocabulary: model.vocabulary.words.length, tokens_trained: tokens, words_per_second: Math.round(tokens / Math.max(seconds, 1e-3)), seconds } };
}
