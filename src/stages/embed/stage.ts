// The embedding stage, one per embedder: every distinct masked line of the corpus gets a vector;
// rows.u32 maps each corpus line to its distinct line's row.
import fs from 'node:fs';
import { distinctMaskedLines } from '../../io/corpus.js';
import type { EmbedderName } from '../../pipeline/registry.js';
import type { Stage, StageRun } from '../../pipeline/stage.js';
import { logger } from '../../runtime/logger.js';
import { writeLineVectors } from './outputs.js';
import { embedWithWords, type EmbedResult } from './word-embedder.js';

async function embedWith(embedder: EmbedderName, run: StageRun, dir: string): Promise<{ result: EmbedResult; rows: Uint32Array }> {
  const distinct = await distinctMaskedLines(run.paths.processed);
  if (embedder === 'logbert') {
    const { embedWithLogBert } = await import('./logbert-embedder.js');
    return { result: await embedWithLogBert(run, distinct, dir), rows: distinct.rows };
  }
  return { result: await embedWithWords(run, embedder, distinct, dir), rows: distinct.rows };
}

function pretrainedFiles(run: { config: StageRun['config'] }, embedder: EmbedderName): string[] {
  const section = run.config.embeddings[embedder] as { pretrained?: string | null; model_dir?: string | null };
  const file = section.pretrained ?? section.model_dir ?? null;
  if (!file || !fs.existsSync(file)) return [];
  return fs.statSync(file).isDirectory() ? fs.readdirSync(file, { recursive: true, encoding: 'utf8' }).map((name) => `${file}/${name}`).filter((f) => fs.statSync(f).isFile()) : [file];
}

export function embedStage(embedder: EmbedderName): Stage {
  return {
    name: `embed-${embedder}`,
    title: `Embedding lines with ${embedder}`,
    after: ['preprocess'],
    configSlice: (context) => ({ params: context.config.embeddings[embedder], seed: context.config.seed }),
    inputFiles: async (context) => pretrainedFiles(context, embedder),
    run: async (run) => {
      const dir = run.paths.embedder(embedder);
      if (!run.resume) fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const { result, rows } = await embedWith(embedder, run, dir);
      const { vectors } = result;
      if (vectors.zeroLines) logger().warn({ embedder, lines: vectors.zeroLines }, 'distinct lines without any known token got a zero vector');
      const files = writeLineVectors(dir, vectors.vectors, rows, { dim: vectors.dim, rows: vectors.vectors.length / vectors.dim, lines: rows.length, method: result.method, zero_lines: vectors.zeroLines, ...result.summary });
      logger().info({ embedder, dim: vectors.dim, distinct_lines: vectors.vectors.length / vectors.dim }, 'line vectors written');
      return { outputs: [...result.modelFiles, ...files], summary: { dim: vectors.dim, distinct_lines: vectors.vectors.length / vectors.dim, zero_lines: vectors.zeroLines, method: result.method, ...result.summary } };
    },
  };
}
