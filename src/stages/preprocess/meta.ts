// processed/{type}/meta.json: what the preprocessing stage read and produced.
// Later stages read the class list, template count and per-file facts from here.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../../pipeline/errors.js';

export interface FileFacts {
  readonly source: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly format: string;
  readonly encoding: string;
  readonly compression: string;
  readonly lines: number;
  readonly first_record: number;
  readonly latin1_lines: number;
  readonly truncated_lines: number;
  readonly longest_line: number;
  readonly timestamped_lines: number;
  readonly binary: boolean;
  readonly gzip_truncated: boolean;
  readonly warnings: readonly string[];
}

export interface ProcessedMeta {
  readonly schema: 1;
  readonly log_type: string;
  readonly lines: number;
  readonly shards: readonly string[];
  readonly files: readonly FileFacts[];
  readonly classes: readonly string[];
  readonly class_line_counts: Readonly<Record<string, number>>;
  readonly templates: readonly { id: number; pattern: string; count: number }[];
  readonly masking: unknown;
  readonly drain: unknown;
  readonly warnings: readonly string[];
}

export function metaPath(processedDir: string): string {
  return path.join(processedDir, 'meta.json');
}

/** The final Drain state, for matching new logs against the mined templates. */
export function minerPath(processedDir: string): string {
  return path.join(processedDir, 'drain.json');
}

export function readProcessedMeta(processedDir: string): ProcessedMeta {
  const file = metaPath(processedDir);
  if (!fs.existsSync(file)) {
    throw new PipelineError('missing_prerequisite', `${file} does not exist: run run-pipeline preprocess first`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ProcessedMeta;
}
