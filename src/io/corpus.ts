// Reads the preprocessed corpus back from the TFRecord shards, in corpus order.
// Embedders get the distinct masked lines; training gets compact per-line columns.
import path from 'node:path';
import { readProcessedMeta, type ProcessedMeta } from '../stages/preprocess/meta.js';
import { readLineRecords } from './tfrecord/reader.js';
import type { LineRecord } from './tfrecord/line-record.js';

export function shardPaths(processedDir: string, meta: ProcessedMeta): string[] {
  return meta.shards.map((name) => path.join(processedDir, name));
}

export async function* corpusRecords(processedDir: string): AsyncGenerator<LineRecord> {
  yield* readLineRecords(shardPaths(processedDir, readProcessedMeta(processedDir)));
}

export interface DistinctLines {
  /** Distinct masked lines in first-seen order. */
  readonly lines: string[];
  /** How often each distinct line occurs. */
  readonly counts: Uint32Array;
  /** The distinct-line row of every corpus line. */
  readonly rows: Uint32Array;
}

export async function distinctMaskedLines(processedDir: string): Promise<DistinctLines> {
  const meta = readProcessedMeta(processedDir);
  const index = new Map<string, number>();
  const lines: string[] = [];
  const counts: number[] = [];
  const rows = new Uint32Array(meta.lines);
  let at = 0;
  for await (const record of readLineRecords(shardPaths(processedDir, meta))) {
    let row = index.get(record.masked);
    if (row === undefined) {
      row = lines.length;
      index.set(record.masked, row);
      lines.push(record.masked);
      counts.push(0);
    }
    counts[row]++;
    rows[at++] = row;
  }
  return { lines, counts: Uint32Array.from(counts), rows };
}

export interface CorpusColumns {
  readonly lines: number;
  readonly entity: Uint32Array;
  readonly entityNames: readonly string[];
  readonly ts: Float64Array;
  readonly template: Uint32Array;
  readonly templateCount: number;
  readonly labelOffsets: Uint32Array;
  readonly labelIds: Uint16Array;
  readonly classes: readonly string[];
}

export async function corpusColumns(processedDir: string): Promise<CorpusColumns> {
  const meta = readProcessedMeta(processedDir);
  const entity = new Uint32Array(meta.lines);
  const ts = new Float64Array(meta.lines);
  const template = new Uint32Array(meta.lines);
  const labelOffsets = new Uint32Array(meta.lines + 1);
  const labelIds: number[] = [];
  const entityIndex = new Map<string, number>();
  let at = 0;
  for await (const record of readLineRecords(shardPaths(processedDir, meta))) {
    let id = entityIndex.get(record.entity);
    if (id === undefined) entityIndex.set(record.entity, (id = entityIndex.size));
    entity[at] = id;
    ts[at] = record.ts ?? Number.NaN;
    template[at] = record.template;
    labelIds.push(...record.labels);
    labelOffsets[++at] = labelIds.length;
  }
  return {
    lines: meta.lines,
    entity,
    entityNames: [...entityIndex.keys()],
    ts,
    template,
    templateCount: meta.templates.length,
    labelOffsets,
    labelIds: Uint16Array.from(labelIds),
    classes: meta.classes,
  };
}

/** The source, line number and text of the given corpus lines, in one pass over the shards. */
export async function corpusLineText(processedDir: string, indices: readonly number[]): Promise<Map<number, { source: string; line: number; text: string }>> {
  const wanted = new Set(indices);
  const found = new Map<number, { source: string; line: number; text: string }>();
  let at = 0;
  for await (const record of corpusRecords(processedDir)) {
    if (wanted.has(at)) found.set(at, { source: record.source, line: record.line, text: record.text });
    if (found.size === wanted.size) break;
    at++;
  }
  return found;
}
