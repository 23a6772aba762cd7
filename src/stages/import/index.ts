// Imports Loghub data sets into logs/{type}/ and labels/{type}/: HDFS with its block labels
// (anomaly_label.csv: BlockId,Label), and inline-label sets such as BGL or Thunderbird, whose first
// field (`-` = normal, else the category) is removed from the text so no model can read it.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { writeJsonAtomicSync } from '../../io/atomic-write.js';
import { PipelineError } from '../../pipeline/errors.js';

export interface ImportOptions {
  readonly format: 'loghub-hdfs' | 'loghub-inline';
  readonly input: string;
  readonly labels?: string;
  readonly logType: string;
  readonly dataDir: string;
}

export interface ImportResult {
  readonly logFile: string;
  readonly labelFile: string;
  readonly lines: number;
  readonly anomalousLines: number;
  readonly classes: Record<string, number>;
}

const BLOCK = /blk_-?\d+/g;

function lines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

async function anomalousBlocks(file: string): Promise<Set<string>> {
  const blocks = new Set<string>();
  let number = 0;
  for await (const line of lines(file)) {
    number++;
    if (number === 1) {
      if (!/^BlockId,Label$/i.test(line.trim())) throw new PipelineError('input', `${file}: line 1 must be the header "BlockId,Label" (found "${line.slice(0, 60)}"); give HDFS's anomaly_label.csv`);
      continue;
    }
    if (!line.trim()) continue;
    const [block, label] = line.split(',');
    if (!/^blk_-?\d+$/.test(block ?? '') || !/^(Normal|Anomaly)$/.test((label ?? '').trim())) {
      throw new PipelineError('input', `${file}: line ${number} is not "blk_<id>,Normal|Anomaly" (found "${line.slice(0, 60)}")`);
    }
    if (label.trim() === 'Anomaly') blocks.add(block);
  }
  return blocks;
}

/** Label runs of consecutive lines with the same class, streamed into the label file's ranges. */
class RangeCollector {
  ranges: { start: number; end: number; labels: string[] }[] = [];
  readonly classes: Record<string, number> = {};
  anomalous = 0;

  add(line: number, label: string | null): void {
    if (!label) return;
    this.anomalous++;
    this.classes[label] = (this.classes[label] ?? 0) + 1;
    const last = this.ranges.at(-1);
    if (last && last.end === line - 1 && last.labels[0] === label) last.end = line;
    else this.ranges.push({ start: line, end: line, labels: [label] });
  }
}

export async function importLoghub(options: ImportOptions): Promise<ImportResult> {
  if (!fs.existsSync(options.input)) throw new PipelineError('input', `${options.input} does not exist; give the Loghub log file with --input`);
  if (options.format === 'loghub-hdfs' && !options.labels) throw new PipelineError('usage', '--format loghub-hdfs needs --labels anomaly_label.csv');
  const blocks = options.format === 'loghub-hdfs' ? await anomalousBlocks(options.labels!) : new Set<string>();
  const name = path.basename(options.input).replace(/\.(log|txt)$/, '');
  const logFile = path.join(options.dataDir, 'logs', options.logType, `${name}.log`);
  const labelFile = path.join(options.dataDir, 'labels', options.logType, `${name}.json`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(`${logFile}.partial`, 'w');
  const collector = new RangeCollector();
  let number = 0;
  let pending: string[] = [];
  for await (const raw of lines(options.input)) {
    number++;
    let text = raw;
    let label: string | null = null;
    if (options.format === 'loghub-hdfs') {
      label = (raw.match(BLOCK) ?? []).some((block) => blocks.has(block)) ? 'anomaly' : null;
    } else {
      const space = raw.indexOf(' ');
      const field = space < 0 ? raw : raw.slice(0, space);
      text = space < 0 ? '' : raw.slice(space + 1);
      label = field === '-' ? null : field.toLowerCase().replace(/[^a-z0-9_]+/g, '_') || 'anomaly';
    }
    collector.add(number, label);
    pending.push(text);
    if (pending.length >= 4096) {
      fs.writeSync(out, pending.join('\n') + '\n');
      pending = [];
    }
  }
  if (pending.length) fs.writeSync(out, pending.join('\n') + '\n');
  fs.closeSync(out);
  fs.renameSync(`${logFile}.partial`, logFile);
  writeJsonAtomicSync(labelFile, { version: 1, log_file: `${name}.log`, lines: {}, ranges: collector.ranges });
  return { logFile, labelFile, lines: number, anomalousLines: collector.anomalous, classes: collector.classes };
}
