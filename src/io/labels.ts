// Label files (schema version 1): per log file, single lines and line ranges with class names.
// Loading validates with zod and names the file and field of any error.
import fs from 'node:fs';
import { z } from 'zod';
import { PipelineError } from '../pipeline/errors.js';
import { jsonSyntaxProblem } from './json-syntax.js';

export const CLASS_NAME = /^[a-z0-9_]+$/;

const className = z.string().regex(CLASS_NAME, 'class names must match ^[a-z0-9_]+$');
const lineNumber = z.number().int().positive();

export const labelFileSchema = z.strictObject({
  version: z.literal(1),
  log_file: z.string().min(1),
  lines: z.record(z.string().regex(/^[1-9][0-9]*$/, 'line numbers are 1-based integers'), z.array(className)).default({}),
  ranges: z
    .array(z.strictObject({ start: lineNumber, end: lineNumber, labels: z.array(className).min(1) }).refine((r) => r.end >= r.start, { message: 'end must be >= start', path: ['end'] }))
    .default([]),
});

export type LabelFile = z.infer<typeof labelFileSchema>;

function fieldOf(issue: z.core.$ZodIssue): string {
  return issue.path.length ? issue.path.join('.') : '(top level)';
}

export function parseLabelFile(text: string, file: string): LabelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PipelineError('input', `${file}: not valid JSON (${jsonSyntaxProblem(text, error as Error)}); fix the label file or remove it`);
  }
  const result = labelFileSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new PipelineError('input', `${file}: field ${fieldOf(issue)}: ${issue.message}; see the label schema in README.md`);
  }
  return result.data;
}

export function readLabelFile(file: string): LabelFile {
  return parseLabelFile(fs.readFileSync(file, 'utf8'), file);
}

/** The highest line number a label file mentions (0 when it labels nothing). */
export function maxLabelledLine(labels: LabelFile): number {
  const fromLines = Object.keys(labels.lines).map(Number);
  const fromRanges = labels.ranges.map((range) => range.end);
  return Math.max(0, ...fromLines, ...fromRanges);
}

export function classesOf(labels: LabelFile): Set<string> {
  const classes = new Set<string>();
  for (const names of Object.values(labels.lines)) names.forEach((name) => classes.add(name));
  for (const range of labels.ranges) range.labels.forEach((name) => classes.add(name));
  return classes;
}

/** Looks up the classes of a line; lines must be asked for in increasing order. */
export class LabelLookup {
  private readonly ranges: LabelFile['ranges'];
  private next = 0;
  private active: LabelFile['ranges'] = [];

  constructor(private readonly labels: LabelFile) {
    this.ranges = [...labels.ranges].sort((a, b) => a.start - b.start);
  }

  classesAt(line: number): string[] {
    while (this.next < this.ranges.length && this.ranges[this.next].start <= line) this.active.push(this.ranges[this.next++]);
    this.active = this.active.filter((range) => range.end >= line);
    const own = this.labels.lines[String(line)] ?? [];
    if (this.active.length === 0) return own;
    const all = new Set(own);
    for (const range of this.active) range.labels.forEach((name) => all.add(name));
    return [...all];
  }
}
