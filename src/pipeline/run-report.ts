// The run's record beside its results: stage outcomes, timings, peak memory, the resolved
// configuration, versions, data statistics and the TensorFlow.js backend, in results/{type}/pipeline_report.json.
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeJsonAtomicSync } from '../io/atomic-write.js';
import { backendChoice } from '../runtime/tf.js';
import type { StageRecord } from './runner.js';
import type { StageContext } from './stage.js';

export function runReportFile(context: StageContext): string {
  return path.join(context.paths.results, 'pipeline_report.json');
}

const require = createRequire(import.meta.url);

function versionOf(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
}

/** Lines, files, templates and classes of the preprocessed data, when it exists. */
function dataStatistics(context: StageContext): object | null {
  const file = path.join(context.paths.processed, 'meta.json');
  if (!fs.existsSync(file)) return null;
  const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as { lines: number; files: { source: string; format: string; lines: number }[]; templates: unknown[]; classes: string[]; class_line_counts: Record<string, number>; warnings: string[] };
  return { lines: meta.lines, files: meta.files.map((f) => ({ source: f.source, format: f.format, lines: f.lines })), templates: meta.templates.length, classes: meta.classes, labelled_lines: meta.class_line_counts, warnings: meta.warnings };
}

export function writeRunReport(context: StageContext, records: readonly StageRecord[], durationMs: number): string {
  const file = runReportFile(context);
  writeJsonAtomicSync(file, {
    log_type: context.paths.logType,
    finished_at: new Date().toISOString(),
    duration_ms: durationMs,
    versions: { 'log-anomaly-detection': versionOf('../../..') ?? null, node: process.version, '@tensorflow/tfjs': versionOf('@tensorflow/tfjs') },
    data: dataStatistics(context),
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.availableParallelism(),
    backend: backendChoice() ?? null,
    options: context.options,
    // Per stage: ran, resumed (from which progress) or skipped; duration, peak memory, checkpoints written.
    stages: records,
    config: context.config,
  });
  writeJsonAtomicSync(path.join(context.paths.results, 'resolved_config.json'), context.config);
  return file;
}
