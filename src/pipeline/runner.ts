// Runs stages in order with checkpoints: skips finished stages, resumes a running one from its
// cursor, restarts a stage whose config or inputs changed, and records what happened.
import fs from 'node:fs';
import path from 'node:path';
import { readCheckpoint, writeCheckpoint, type Checkpoint, type OutputDigest } from './checkpoint.js';
import { PipelineError } from './errors.js';
import { faultTrigger } from './fault.js';
import { hashFile, hashValue } from './hash.js';
import type { Stage, StageContext, StageRun } from './stage.js';
import { logger } from '../runtime/logger.js';
import { MemoryWatch } from '../runtime/memory-watch.js';
import { stageCommand } from './suggested-command.js';

export type StageOutcome = 'ran' | 'resumed' | 'skipped';

export interface StageRecord {
  readonly stage: string;
  readonly outcome: StageOutcome;
  readonly duration_ms: number;
  readonly peak_rss_bytes: number;
  readonly checkpoints_written: number;
  readonly resumed_from: number | null;
  readonly summary: Readonly<Record<string, unknown>>;
}

export interface RunOptions {
  readonly forceRestart: boolean;
}

async function digestOutputs(files: readonly string[], root: string): Promise<OutputDigest[]> {
  const digests: OutputDigest[] = [];
  for (const file of files) {
    digests.push({ path: path.relative(root, file), bytes: fs.statSync(file).size, sha256: await hashFile(file) });
  }
  return digests;
}

function outputsIntact(checkpoint: Checkpoint, root: string): boolean {
  return checkpoint.outputs.every((output) => {
    try {
      return fs.statSync(path.join(root, output.path)).size === output.bytes;
    } catch {
      return false;
    }
  });
}

/** Input hash: the stage's own input files plus the recorded outputs of the stages it reads. */
async function inputHash(stage: Stage, context: StageContext): Promise<string> {
  const files = [];
  for (const file of await stage.inputFiles(context)) {
    files.push({ path: path.relative(context.paths.root, file), sha256: await hashFile(file) });
  }
  const upstream = stage.after.map((name) => {
    const checkpoint = readCheckpoint(context.paths.checkpoint(name));
    if (checkpoint?.status !== 'done') {
      throw new PipelineError('missing_prerequisite', `stage "${stage.name}" needs the output of "${name}", which has not run yet: run ${stageCommand(context.paths, name)} first`);
    }
    return { stage: name, outputs: checkpoint.outputs };
  });
  return hashValue({ files, upstream });
}

export async function runStage(stage: Stage, context: StageContext, options: RunOptions): Promise<StageRecord> {
  const file = context.paths.checkpoint(stage.name);
  const configHash = hashValue(stage.configSlice(context));
  const input = await inputHash(stage, context);
  const previous = options.forceRestart ? null : readCheckpoint(file);
  const matches = previous !== null && previous.config_hash === configHash && previous.input_hash === input;
  if (previous && matches && previous.status === 'done' && outputsIntact(previous, context.paths.root)) {
    logger().info({ stage: stage.name }, 'stage already done; skipped');
    return { stage: stage.name, outcome: 'skipped', duration_ms: 0, peak_rss_bytes: 0, checkpoints_written: 0, resumed_from: null, summary: previous.summary ?? {} };
  }
  if (previous && !matches) logger().warn({ stage: stage.name }, 'configuration or input changed since the last run; the stage restarts');
  const resume = previous && matches && previous.status === 'running' ? { cursor: previous.cursor, progress: previous.progress } : null;
  if (resume) logger().info({ stage: stage.name, progress_percent: +(100 * resume.progress).toFixed(1) }, 'resuming stage from its checkpoint');
  else fs.rmSync(context.paths.stageState(stage.name), { recursive: true, force: true });

  const every = context.config.checkpoint.every_fraction;
  let written = 0;
  let lastProgress = resume?.progress ?? 0;
  const record = (progress: number, cursor: unknown) => {
    writeCheckpoint(file, { stage: stage.name, status: 'running', config_hash: configHash, input_hash: input, progress, cursor, outputs: [] });
    lastProgress = progress;
    written++;
  };
  if (!resume) record(0, null);
  const fault = faultTrigger(stage.name);
  const run: StageRun = {
    ...context,
    resume,
    checkpoint: async (progress, cursor) => record(progress, cursor),
    due: (progress) => {
      fault();
      return progress - lastProgress >= every - 1e-12;
    },
  };
  const started = Date.now();
  const memory = new MemoryWatch();
  logger().info({ stage: stage.name }, stage.title);
  const result = await stage.run(run).finally(() => memory.stop());
  const duration = Date.now() - started;
  const summary = { ...result.summary, duration_ms: duration, peak_rss_bytes: memory.peak };
  const outputs = await digestOutputs(result.outputs, context.paths.root);
  writeCheckpoint(file, { stage: stage.name, status: 'done', config_hash: configHash, input_hash: input, progress: 1, cursor: null, outputs, summary });
  logger().info({ stage: stage.name, seconds: +(duration / 1000).toFixed(1) }, 'stage done');
  return { stage: stage.name, outcome: resume ? 'resumed' : 'ran', duration_ms: duration, peak_rss_bytes: memory.peak, checkpoints_written: written + 1, resumed_from: resume?.progress ?? null, summary };
}

export async function runStages(stages: readonly Stage[], context: StageContext, options: RunOptions): Promise<StageRecord[]> {
  const records: StageRecord[] = [];
  for (const stage of stages) records.push(await runStage(stage, context, options));
  return records;
}
