// The run's record beside its results: stage outcomes, timings, peak memory, the resolved
// configuration and the TensorFlow.js backend, in results/{type}/pipeline_run.json.
import os from 'node:os';
import path from 'node:path';
import { writeJsonAtomicSync } from '../io/atomic-write.js';
import { backendChoice } from '../runtime/tf.js';
import type { StageRecord } from './runner.js';
import type { StageContext } from './stage.js';

export function runReportFile(context: StageContext): string {
  return path.join(context.paths.results, 'pipeline_run.json');
}

export function writeRunReport(context: StageContext, records: readonly StageRecord[], durationMs: number): string {
  const file = runReportFile(context);
  writeJsonAtomicSync(file, {
    log_type: context.paths.logType,
    finished_at: new Date().toISOString(),
    duration_ms: durationMs,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.availableParallelism(),
    backend: backendChoice() ?? null,
    options: context.options,
    stages: records,
    config: context.config,
  });
  writeJsonAtomicSync(path.join(context.paths.results, 'resolved_config.json'), context.config);
  return file;
}
