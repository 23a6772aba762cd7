// One log file through the preprocessing chain: read, parse, mask, mine, label, encode, write.
// A resumed pass re-reads the lines already written (to rebuild the parser's year state) but writes none of them again.
import fs from 'node:fs';
import { LabelLookup, maxLabelledLine, readLabelFile } from '../../io/labels.js';
import type { LogFile } from '../../io/log-files.js';
import { openLogFile } from '../../io/text/index.js';
import { encodeLineRecord } from '../../io/tfrecord/example.js';
import type { ShardedWriter } from '../../io/tfrecord/writer.js';
import { PipelineError } from '../../pipeline/errors.js';
import type { Drain } from './drain/index.js';
import { createLineParser, detectFormat } from './formats/index.js';
import type { FileFacts } from './meta.js';
import type { PreprocessParams } from './params.js';

const FORMAT_SAMPLE_LINES = 200;

export interface PassTools {
  readonly params: PreprocessParams;
  readonly mask: (text: string) => string;
  readonly drain: Drain;
  readonly writer: ShardedWriter;
  readonly classIds: ReadonlyMap<string, number>;
  readonly classCounts: Record<string, number>;
}

export interface PassProgress {
  /** Lines of this file already in the shards. */
  readonly line: number;
  /** Bytes of this file consumed so far (approximate for compressed files). */
  readonly bytes: number;
}

export function entityOfSource(source: string): string {
  return source.replace(/(\.gz)?$/, '').replace(/\.(log|txt|jsonl)$/, '');
}

export async function detectFileFormat(file: string, maxLineBytes: number): Promise<string> {
  const sample: string[] = [];
  for await (const line of openLogFile(file, { maxLineBytes }).lines()) {
    sample.push(line.text);
    if (sample.length >= FORMAT_SAMPLE_LINES) break;
  }
  return detectFormat(sample).format;
}

function defaultYear(params: PreprocessParams, file: string): number {
  return params.default_year ?? fs.statSync(file).mtime.getUTCFullYear();
}

function labelLookup(log: LogFile): { lookup: LabelLookup | null; maxLine: number } {
  if (!fs.existsSync(log.labelPath)) return { lookup: null, maxLine: 0 };
  const labels = readLabelFile(log.labelPath);
  return { lookup: new LabelLookup(labels), maxLine: maxLabelledLine(labels) };
}

function classIdsOf(names: readonly string[], tools: PassTools): number[] {
  const ids = names.map((name) => {
    tools.classCounts[name] = (tools.classCounts[name] ?? 0) + 1;
    return tools.classIds.get(name) as number;
  });
  return ids.sort((a, b) => a - b);
}

/**
 * Processes one file from `skipLines` on, calling `onLine` after each written line so the stage can checkpoint.
 * Returns the file's facts once the file is read to its end.
 */
export async function processFile(
  log: LogFile,
  skipLines: number,
  tools: PassTools,
  onLine: (progress: PassProgress) => Promise<void> | null,
): Promise<FileFacts> {
  const { params } = tools;
  const format = await detectFileFormat(log.path, params.max_line_bytes);
  const parse = createLineParser(format as Parameters<typeof createLineParser>[0], { defaultYear: defaultYear(params, log.path) });
  const { lookup, maxLine } = labelLookup(log);
  const reader = openLogFile(log.path, { maxLineBytes: params.max_line_bytes });
  const fileEntity = entityOfSource(log.source);
  const firstRecord = tools.writer.totalRecords - skipLines;
  let bytes = 0;
  let timestamped = 0;
  for await (const batch of reader.batches()) {
    for (const read of batch) {
      bytes += read.text.length + 1;
      const parsed = parse(read.text);
      if (parsed.ts !== null) timestamped++;
      if (read.line <= skipLines) continue;
      const masked = tools.mask(parsed.message);
      const labels = lookup ? classIdsOf(lookup.classesAt(read.line), tools) : [];
      const entity = params.entity === 'field' && parsed.entity ? parsed.entity : fileEntity;
      const ts = parsed.ts !== null && Number.isSafeInteger(parsed.ts) && parsed.ts >= 0 ? parsed.ts : null;
      const record = { source: log.source, line: read.line, ts, entity, text: read.text, masked, template: tools.drain.add(masked), labels };
      tools.writer.write(encodeLineRecord(record));
      // Only a due checkpoint costs an await; the check itself is synchronous.
      const checkpoint = onLine({ line: read.line, bytes: Math.min(bytes, log.bytes) });
      if (checkpoint) await checkpoint;
    }
  }
  const stats = reader.stats();
  if (maxLine > stats.lines) {
    throw new PipelineError('input', `${log.labelPath}: labels line ${maxLine}, but ${log.source} has ${stats.lines} lines; fix the line numbers in the label file`);
  }
  const warnings: string[] = [];
  if (stats.lines === 0 && !stats.binary) warnings.push(`${log.source}: empty; skipped`);
  if (stats.binary) warnings.push(`${log.source}: looks binary (NUL bytes); skipped`);
  if (stats.gzipTruncated) warnings.push(`${log.source}: the gzip stream is truncated; the lines before the damage were read`);
  if (stats.latin1Lines) warnings.push(`${log.source}: ${stats.latin1Lines} lines are not valid UTF-8 and were read as Latin-1`);
  if (stats.truncatedLines) warnings.push(`${log.source}: ${stats.truncatedLines} lines were longer than ${params.max_line_bytes} bytes and were cut`);
  return {
    source: log.source,
    bytes: log.bytes,
    sha256: '',
    format,
    encoding: stats.encoding,
    compression: stats.compression,
    lines: stats.binary ? 0 : stats.lines,
    first_record: firstRecord,
    latin1_lines: stats.latin1Lines,
    truncated_lines: stats.truncatedLines,
    longest_line: stats.longestLine,
    timestamped_lines: timestamped,
    binary: stats.binary,
    gzip_truncated: stats.gzipTruncated,
    warnings,
  };
}
