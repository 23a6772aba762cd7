// Finds the log files of a log type and their label files, in a stable order.
// Symbolic links that lead outside the data root are refused: a run must not read elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../pipeline/errors.js';
import type { DataPaths } from '../pipeline/paths.js';

export const LOG_EXTENSIONS = Object.freeze(['.log', '.txt', '.jsonl', '.gz']);

export interface LogFile {
  /** Path relative to logs/{type}, with forward slashes: the `source` of every line. */
  readonly source: string;
  readonly path: string;
  /** labels/{type}/<source without extension>.json, whether or not it exists. */
  readonly labelPath: string;
  readonly bytes: number;
}

function insideRoot(file: string, root: string): boolean {
  const real = fs.realpathSync(file);
  const realRoot = fs.realpathSync(root);
  return real === realRoot || real.startsWith(realRoot + path.sep);
}

function labelPathOf(paths: DataPaths, source: string): string {
  const withoutGz = source.endsWith('.gz') ? source.slice(0, -3) : source;
  const ext = path.posix.extname(withoutGz);
  return path.join(paths.labels, (ext ? withoutGz.slice(0, -ext.length) : withoutGz) + '.json');
}

function walk(dir: string, paths: DataPaths, found: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink() && !insideRoot(full, paths.root)) {
      throw new PipelineError('input', `${full} is a symbolic link to ${fs.realpathSync(full)}, outside the data folder ${paths.root}; copy the file into logs/${paths.logType}/ instead`);
    }
    const stat = fs.statSync(full);
    if (stat.isDirectory()) walk(full, paths, found);
    else if (stat.isFile() && LOG_EXTENSIONS.includes(path.extname(entry.name))) found.push(full);
  }
}

/** Every log file of the log type, sorted by path; an error when there is none. */
export function listLogFiles(paths: DataPaths): LogFile[] {
  const found: string[] = [];
  walk(paths.logs, paths, found);
  if (found.length === 0) {
    throw new PipelineError('input', `${paths.logs} holds no log files (${LOG_EXTENSIONS.map((ext) => '*' + ext).join(', ')}); put the logs there or choose another --log_type`);
  }
  return found.map((file) => {
    const source = path.relative(paths.logs, file).split(path.sep).join('/');
    return { source, path: file, labelPath: labelPathOf(paths, source), bytes: fs.statSync(file).size };
  });
}

/** Label files under labels/{type} that belong to no log file. */
export function orphanLabelFiles(paths: DataPaths, logs: readonly LogFile[]): string[] {
  if (!fs.existsSync(paths.labels)) return [];
  const expected = new Set(logs.map((log) => log.labelPath));
  const orphans: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.json') && !expected.has(full)) orphans.push(full);
    }
  };
  visit(paths.labels);
  return orphans.sort();
}
