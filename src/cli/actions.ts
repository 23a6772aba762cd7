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

/**
 * The stages a command runs: those it needs first (run only when not done yet), then those it
 * names. --force_restart restarts the named ones alone, so that retraining keeps the vectors.
 */
export interface StagePlan {
  readonly needed: readonly Stage[];
  readonly named: readonly Stage[];
}

/** Runs the plan's stages under the log type's lock; returns what happened to each. */
export async function runUnderLock(context: StageContext, plan: StagePlan, forceRestart: boolean): Promise<StageRecord[]> {
  const lock = acquireLock(context.paths.lock, context.paths.logType);
  const release = () => lock.release();
  process.once('exit', release);
  try {
    const needed = await runStages(plan.needed, context, { forceRestart: false });
    return [...needed, ...(await runStages(plan.named, context, { forceRestart }))];
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

export async function runStagesAction(options: RunOptions & StageChoices, pick: () => Promise<StagePlan>): Promise<{ context: StageContext; records: StageRecord[] }> {
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
  all: (embedders: readonly EmbedderName[]) => async (): Promise<StagePlan> => ({ needed: [], named: await pipelineStages(embedders) }),
  preprocess: () => async (): Promise<StagePlan> => ({ needed: [], named: [await stageFactories.preprocess()] }),
  embed: (embedder: EmbedderName) => async (): Promise<StagePlan> => ({ needed: [await stageFactories.preprocess()], named: [await stageFactories.embed(embedder)] }),
  train: (embedder: EmbedderName) => async (): Promise<StagePlan> => ({
    needed: [await stageFactories.preprocess(), await stageFactories.embed(embedder)],
    named: [await stageFactories.train(embedder)],
  }),
  evaluate: (embedders: readonly EmbedderName[]) => async (): Promise<StagePlan> => ({ needed: [], named: [await stageFactories.evaluate(embedders)] }),
});
