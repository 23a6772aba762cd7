// What each command does once its options are parsed: build the context, take the lock,
// run the stages, print the outcome. Stage code is imported lazily.
import { buildContext, startLogging } from './context.js';
import type { RunOptions } from './options.js';
import { acquireLock } from '../pipeline/lock.js';
import { pipelineStages, stageFactories, type EmbedderName } from '../pipeline/registry.js';
import { runStages, type StageRecord } from '../pipeline/runner.js';
import type { Stage, StageContext } from '../pipeline/stage.js';
import { writeRunReport } from '../pipeline/run-report.js';

export interface StageChoices {
  readonly optimize_thresholds?: boolean;
  readonly supervision?: string;
  readonly window?: string;
  readonly session_key?: string;
  readonly split?: string;
  readonly tune?: boolean;
  readonly embedding_types?: readonly EmbedderName[];
}

/** Runs `stages` under the log type's lock; returns what happened to each. */
export async function runUnderLock(context: StageContext, stages: readonly Stage[], forceRestart: boolean): Promise<StageRecord[]> {
  const lock = acquireLock(context.paths.lock, context.paths.logType);
  const release = () => lock.release();
  process.once('exit', release);
  try {
    return await runStages(stages, context, { forceRestart });
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

export async function runStagesAction(options: RunOptions & StageChoices, pick: () => Promise<Stage[]>): Promise<{ context: StageContext; records: StageRecord[] }> {
  startLogging(options, true);
  const context = buildContext(options, { ...options });
  // Asking for a GPU that is not there fails before any stage runs, not after an hour of preprocessing.
  if (options.device === 'gpu') await (await import('../runtime/tf.js')).initTf('gpu');
  const started = Date.now();
  const records = await runUnderLock(context, await pick(), options.force_restart ?? false);
  writeRunReport(context, records, Date.now() - started);
  return { context, records };
}

export const pickers = Object.freeze({
  all: (embedders: readonly EmbedderName[]) => () => pipelineStages(embedders),
  preprocess: () => async () => [await stageFactories.preprocess()],
  // A stage command also runs the stages it needs that are not done yet (done ones are skipped).
  embed: (embedder: EmbedderName) => async () => [await stageFactories.preprocess(), await stageFactories.embed(embedder)],
  train: (embedder: EmbedderName) => async () => [await stageFactories.preprocess(), await stageFactories.embed(embedder), await stageFactories.train(embedder)],
  evaluate: (embedders: readonly EmbedderName[]) => async () => [await stageFactories.evaluate(embedders)],
});
