// Turns parsed command-line options into a stage context: configuration, paths and logging.
// Checks here catch the common mistakes (a missing log folder) before any stage starts.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { PipelineError } from '../pipeline/errors.js';
import { dataPaths, type DataPaths } from '../pipeline/paths.js';
import { rootFlag } from '../pipeline/suggested-command.js';
import { SAMPLE_TYPES } from '../sample/index.js';
import type { StageContext } from '../pipeline/stage.js';
import { configureLogger } from '../runtime/logger.js';
import type { DataOptions } from './options.js';

export function existingLogTypes(root: string): string[] {
  try {
    return fs.readdirSync(path.join(root, 'logs'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
}

/** Fails unless logs/{type} exists under the data root. */
export function requireLogFolder(paths: DataPaths): void {
  if (fs.existsSync(paths.logs) && fs.statSync(paths.logs).isDirectory()) return;
  const known = existingLogTypes(paths.root);
  const generate = (SAMPLE_TYPES as readonly string[]).includes(paths.logType)
    ? `run "run-pipeline sample --log_type ${paths.logType}${rootFlag(paths, '--out')}" for a sample`
    : `import a Loghub file with "run-pipeline import"`;
  const choices = known.length ? `log types found: ${known.join(', ')}` : `no log folders exist under ${path.join(paths.root, 'logs')}; create logs/${paths.logType}/ or ${generate}`;
  throw new PipelineError('input', `${paths.logs} does not exist; ${choices}`);
}

export function buildContext(options: DataOptions, extra: Record<string, unknown> = {}): StageContext {
  const paths = dataPaths(options.data_dir, options.log_type);
  if (!fs.existsSync(paths.root)) throw new PipelineError('input', `--data_dir ${options.data_dir} does not exist; pass the folder that holds logs/`);
  const config = loadConfig(options.config);
  requireLogFolder(paths);
  return { paths, config, options: { ...extra } };
}

/** Logging for commands that write outputs: pipeline.log under the data root. */
export function startLogging(options: DataOptions, writesFiles: boolean): void {
  const verbosity = options.verbose ? 'verbose' : options.quiet ? 'quiet' : 'normal';
  configureLogger({ verbosity, logFile: writesFiles ? dataPaths(options.data_dir, options.log_type).pipelineLog : undefined });
}
