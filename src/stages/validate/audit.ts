// The data audit behind --check_only and `validate`: reads every log and label file of a log
// type, writes nothing, and says whether the data is ready for a run.
import fs from 'node:fs';
import { maxLabelledLine, readLabelFile, type LabelFile } from '../../io/labels.js';
import { listLogFiles, orphanLabelFiles, type LogFile } from '../../io/log-files.js';
import { openLogFile, type FileReadStats } from '../../io/text/index.js';
import { createLineParser, detectFormat } from '../preprocess/formats/index.js';
import { isPipelineError } from '../../pipeline/errors.js';
import type { StageContext } from '../../pipeline/stage.js';

export interface LogAudit extends Omit<FileReadStats, 'bytes'> {
  readonly source: string;
  readonly bytes: number;
  readonly format: string;
  /** Share of lines that carry a timestamp. */
  readonly timestampCoverage: number;
}

export interface LabelAudit {
  readonly file: string;
  readonly log: string | null;
  readonly errors: string[];
  readonly classCounts: Record<string, number>;
}

export interface AuditReport {
  readonly logType: string;
  readonly ready: boolean;
  readonly problems: string[];
  readonly warnings: string[];
  readonly logs: LogAudit[];
  readonly labels: LabelAudit[];
  readonly classCounts: Record<string, number>;
}

const FORMAT_SAMPLE_LINES = 200;

async function auditLog(log: LogFile, maxLineBytes: number, defaultYear: number): Promise<LogAudit> {
  const sample: string[] = [];
  const probe = openLogFile(log.path, { maxLineBytes });
  for await (const line of probe.lines()) {
    sample.push(line.text);
    if (sample.length >= FORMAT_SAMPLE_LINES) break;
  }
  const { format } = detectFormat(sample);
  const parse = createLineParser(format, { defaultYear });
  const reader = openLogFile(log.path, { maxLineBytes });
  let timed = 0;
  for await (const line of reader.lines()) if (parse(line.text).ts !== null) timed++;
  const stats = reader.stats();
  return { ...stats, source: log.source, bytes: log.bytes, format, timestampCoverage: stats.lines ? timed / stats.lines : 0 };
}

function countClasses(labels: LabelFile): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (name: string, n: number) => (counts[name] = (counts[name] ?? 0) + n);
  for (const names of Object.values(labels.lines)) names.forEach((name) => add(name, 1));
  for (const range of labels.ranges) range.labels.forEach((name) => add(name, range.end - range.start + 1));
  return counts;
}

function auditLabels(log: LogFile, lines: number | null): LabelAudit {
  const audit: LabelAudit = { file: log.labelPath, log: log.source, errors: [], classCounts: {} };
  try {
    const labels = readLabelFile(log.labelPath);
    Object.assign(audit.classCounts, countClasses(labels));
    const highest = maxLabelledLine(labels);
    if (lines !== null && highest > lines) audit.errors.push(`${log.labelPath}: line ${highest} is beyond the end of ${log.source} (${lines} lines); fix the line numbers`);
  } catch (error) {
    if (!isPipelineError(error)) throw error;
    audit.errors.push(error.message);
  }
  return audit;
}

export async function auditData(context: StageContext, defaultYear = new Date().getUTCFullYear()): Promise<AuditReport> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const logs: LogAudit[] = [];
  const labels: LabelAudit[] = [];
  let files: LogFile[] = [];
  try {
    files = listLogFiles(context.paths);
  } catch (error) {
    if (!isPipelineError(error)) throw error;
    problems.push(error.message);
  }
  const maxLineBytes = 65536;
  for (const file of files) {
    const log = await auditLog(file, maxLineBytes, defaultYear);
    logs.push(log);
    if (log.binary) problems.push(`${file.path}: looks binary (NUL bytes); remove it from logs/${context.paths.logType}/`);
    if (log.gzipTruncated) warnings.push(`${file.path}: the gzip stream is truncated; only the lines before the damage are read`);
    if (log.lines === 0 && !log.binary) warnings.push(`${file.path}: empty`);
    if (log.latin1Lines) warnings.push(`${file.path}: ${log.latin1Lines} lines are not valid UTF-8 and are read as Latin-1`);
    if (log.truncatedLines) warnings.push(`${file.path}: ${log.truncatedLines} lines are longer than ${maxLineBytes} bytes and are cut`);
    if (fs.existsSync(file.labelPath)) labels.push(auditLabels(file, log.binary ? null : log.lines));
    else warnings.push(`${file.path}: no label file (${file.labelPath}); its lines count as normal`);
  }
  for (const orphan of files.length ? orphanLabelFiles(context.paths, files) : []) {
    labels.push({ file: orphan, log: null, errors: [`${orphan}: labels a log file that does not exist; rename it to match a log or remove it`], classCounts: {} });
  }
  labels.forEach((audit) => problems.push(...audit.errors));
  const classCounts: Record<string, number> = {};
  for (const audit of labels) for (const [name, n] of Object.entries(audit.classCounts)) classCounts[name] = (classCounts[name] ?? 0) + n;
  return { logType: context.paths.logType, ready: problems.length === 0, problems, warnings, logs, labels, classCounts };
}
