// Writes one synthetic log file line by line with a clock that only moves forward, and collects
// the labels of anomalous lines as the design's label file (version 1, ranges of consecutive lines).
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomicSync } from '../io/atomic-write.js';

const FLUSH_BYTES = 1 << 16;

export class LogWriter {
  /** Epoch milliseconds of the next line. */
  now: number;
  lines = 0;
  readonly classCounts: Record<string, number> = {};
  private readonly fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private ranges: { start: number; end: number; labels: string[] }[] = [];

  constructor(
    readonly file: string,
    start: number,
    readonly quota: number,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
    this.now = start;
  }

  get full(): boolean {
    return this.lines >= this.quota;
  }

  advance(seconds: number): void {
    this.now += Math.round(seconds * 1000);
  }

  /** Writes one line (formatted with the current time) labelled with `classes`; ignored once the quota is reached. */
  emit(format: (time: Date) => string, classes: readonly string[] = []): void {
    if (this.full) return;
    const text = format(new Date(this.now)) + '\n';
    this.pending.push(text);
    this.pendingBytes += text.length;
    this.lines++;
    if (classes.length) this.label(this.lines, [...classes].sort());
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  /** Closes the log and writes its label file; returns the number of labelled lines. */
  close(labelFile: string, logName: string): number {
    this.flush();
    fs.closeSync(this.fd);
    writeJsonAtomicSync(labelFile, { version: 1, log_file: logName, lines: {}, ranges: this.ranges });
    return this.ranges.reduce((sum, range) => sum + range.end - range.start + 1, 0);
  }

  private label(line: number, classes: string[]): void {
    classes.forEach((name) => (this.classCounts[name] = (this.classCounts[name] ?? 0) + 1));
    const last = this.ranges.at(-1);
    if (last && last.end === line - 1 && last.labels.join() === classes.join()) last.end = line;
    else this.ranges.push({ start: line, end: line, labels: classes });
  }

  private flush(): void {
    if (this.pending.length) fs.writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
