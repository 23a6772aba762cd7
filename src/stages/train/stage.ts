// The training stage, one per embedder: reads the corpus columns and the embedder's line vectors,
// trains the anomaly transformer and writes models/{type}/{embedder}/.
import fs from 'node:fs';
import { corpusColumns, corpusRecords } from '../../io/corpus.js';
import { readEmbeddings } from '../../io/vectors.js';
import type { EmbedderName } from '../../pipeline/registry.js';
import type { Stage, StageRun } from '../../pipeline/stage.js';
import { startProgress } from '../../runtime/progress.js';
import { initTf, type DeviceRequest } from '../../runtime/tf.js';
import { trainSettings, type TrainChoices } from './settings.js';
import { normalizeInPlace, normalizationOf } from './normalize.js';
import { trainAndScore } from './train-model.js';

/** Session ids per line for --session_key: lines whose text matches the same key share a session. */
async function sessionIds(run: StageRun, key: string, lines: number): Promise<Uint32Array> {
  const pattern = new RegExp(key);
  const ids = new Uint32Array(lines);
  const sessions = new Map<string, number>();
  let at = 0;
  for await (const record of corpusRecords(run.paths.processed)) {
    const match = pattern.exec(record.text)?.[0] ?? `${record.entity}#none`;
    let id = sessions.get(match);
    if (id === undefined) sessions.set(match, (id = sessions.size));
    ids[at++] = id;
  }
  return ids;
}

export function trainStage(embedder: EmbedderName): Stage {
  return {
    name: `train-${embedder}`,
    title: `Training the anomaly model on ${embedder} vectors`,
    after: ['preprocess', `embed-${embedder}`],
    configSlice: (context) => ({ windows: context.config.windows, split: context.config.split, model: context.config.model, seed: context.config.seed, performance: context.config.performance, choices: pickChoices(context.options) }),
    inputFiles: async () => [],
    run: async (run) => {
      const { tf, choice } = await initTf((run.options.device as DeviceRequest | undefined) ?? 'auto');
      const corpus = await corpusColumns(run.paths.processed);
      const embeddings = readEmbeddings(run.paths.embedder(embedder));
      const normalization = normalizationOf(embeddings.vectors, embeddings.rows, embeddings.meta.dim);
      const params = trainSettings(run.config, pickChoices(run.options), corpus.lines);
      const session = params.windows.mode === 'session' && params.windows.session_key ? await sessionIds(run, params.windows.session_key, corpus.lines) : undefined;
      const modelDir = run.paths.model(embedder);
      if (!run.resume) fs.rmSync(modelDir, { recursive: true, force: true });
      const progress = startProgress(`train ${embedder}`, 100, '%');
      const result = await trainAndScore({
        tf,
        backend: choice,
        inputs: { corpus, vectors: normalizeInPlace(embeddings.vectors, embeddings.meta.dim, normalization), rows: embeddings.rows, dim: embeddings.meta.dim, session },
        normalization,
        params,
        embedder,
        modelDir,
        dataHash: `${embeddings.meta.method}:${embeddings.meta.rows}x${embeddings.meta.dim}:${corpus.lines}`,
        hooks: {
          stateDir: run.paths.stageState(`train-${embedder}`),
          resume: run.resume !== null,
          due: (fraction) => run.due(fraction * 0.9),
          onCheckpoint: (fraction) => run.checkpoint(fraction * 0.9, { training: true }),
          onProgress: (p) => progress.update(p.fraction * 100, { epoch: p.epoch, step: p.step, loss: p.loss.toFixed(4), 'windows/s': p.windowsPerSecond }),
        },
      });
      progress.stop();
      return result;
    },
  };
}

function pickChoices(options: Readonly<Record<string, unknown>>): TrainChoices {
  const { supervision, window, session_key, split, tune, optimize_thresholds } = options as TrainChoices;
  return { supervision, window, session_key, split, tune, optimize_thresholds };
}
