// Vectors of masked lines at detection, exactly as training saw them: a line seen in the corpus takes
// its stored vector; a new one is embedded by the trained embedder (FastText gives unknown tokens
// n-gram vectors; Word2Vec skips unknown tokens; LogBERT's WordPiece spells them in pieces).
import path from 'node:path';
import { loadFastTextModel } from '../../embedders/fasttext/bin-format.js';
import { logBertFeatures } from '../../embedders/logbert/features.js';
import { loadPretrainedBert, pretrainedFeatures } from '../../embedders/logbert/pretrained.js';
import { loadLogBert } from '../../embedders/logbert/model-files.js';
import { tokenizeMasked, END_OF_LINE } from '../../embedders/shared/tokenize.js';
import { lineVectors, mapSource, modelSource } from '../../embedders/shared/word-vectors.js';
import { loadWord2VecBinary } from '../../embedders/word2vec/binary-format.js';
import type { Config } from '../../config/schema.js';
import { distinctMaskedLines } from '../../io/corpus.js';
import { readEmbeddings } from '../../io/vectors.js';
import { createWeights } from '../../model/weights.js';
import type { DataPaths } from '../../pipeline/paths.js';
import type { EmbedderName } from '../../pipeline/registry.js';
import type { TfModule } from '../../runtime/tf.js';

export interface LineEmbedder {
  readonly dim: number;
  /** The vector of a masked line (cached per distinct line). */
  vectorOf(masked: string): Promise<Float32Array>;
  /** The corpus row of a masked line seen in training, or -1. */
  rowOf(masked: string): number;
  readonly newLines: number;
}

type Embed = (lines: string[]) => Float32Array | Promise<Float32Array>;

async function newLineEmbedder(tf: TfModule, paths: DataPaths, config: Config, embedder: EmbedderName, corpus: { lines: string[]; counts: Uint32Array }): Promise<Embed> {
  const dir = paths.embedder(embedder);
  if (embedder === 'logbert' && config.embeddings.logbert.model_dir) {
    const bert = await loadPretrainedBert(config.embeddings.logbert.model_dir);
    return async (lines) => (await pretrainedFeatures(bert, lines)).vectors;
  }
  if (embedder === 'logbert') {
    const files = loadLogBert(path.join(dir, 'model'));
    const weights = createWeights(tf, files.config, 0, files.values);
    return (lines) => logBertFeatures(tf, weights, files.config, files.tokenizer, lines, 64).vectors;
  }
  const params = config.embeddings[embedder];
  if (embedder === 'fasttext') {
    const source = modelSource(loadFastTextModel(path.join(dir, 'model.bin')));
    return (lines) => lineVectors(source, lines, params.line_vector, params.sif_a).vectors;
  }
  const counts = new Map<string, number>();
  let total = 0;
  corpus.lines.forEach((line, row) => {
    for (const token of [...tokenizeMasked(line), END_OF_LINE]) counts.set(token, (counts.get(token) ?? 0) + corpus.counts[row]);
    total += corpus.counts[row] * (tokenizeMasked(line).length + 1);
  });
  const loaded = loadWord2VecBinary(path.join(dir, 'model.bin'), [...counts.keys()]);
  const source = mapSource(loaded.dim, loaded.vectors, (token) => (counts.get(token) ?? 0) / total);
  return (lines) => lineVectors(source, lines, params.line_vector, params.sif_a).vectors;
}

export async function loadLineEmbedder(tf: TfModule, paths: DataPaths, config: Config, embedder: EmbedderName): Promise<LineEmbedder> {
  const stored = readEmbeddings(paths.embedder(embedder));
  const corpus = await distinctMaskedLines(paths.processed);
  const known = new Map(corpus.lines.map((line, row) => [line, row]));
  const embed = await newLineEmbedder(tf, paths, config, embedder, corpus);
  const dim = stored.meta.dim;
  const cache = new Map<string, Float32Array>();
  let newLines = 0;
  return {
    dim,
    get newLines() {
      return newLines;
    },
    rowOf: (masked) => known.get(masked) ?? -1,
    async vectorOf(masked) {
      const row = known.get(masked);
      if (row !== undefined) return stored.vectors.subarray(row * dim, (row + 1) * dim);
      let vector = cache.get(masked);
      if (!vector) {
        newLines++;
        vector = await embed([masked]);
        // Bounded: new distinct lines beyond this many are embedded again when they recur.
        if (cache.size < 100_000) cache.set(masked, vector);
      }
      return vector;
    },
  };
}
