// Grouping accuracy of masking + Drain on the Loghub 2k samples, with the one default configuration:
// a line is correct when the set of lines sharing its template equals the set sharing its EventId.
// Usage: node dist/bench/grouping-accuracy.js [loghub folder]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.js';
import { Drain } from '../src/stages/preprocess/drain/index.js';
import { compileMasker } from '../src/stages/preprocess/masking/index.js';

const FOLDER = process.argv[2] ?? path.resolve(fileURLToPath(import.meta.url), '../../../../shared/datasets/loghub');
const PUBLISHED: Record<string, number> = { HDFS: 0.9975, OpenSSH: 0.7875, Apache: 1.0, Linux: 0.69 };

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field), rows.push(row), (row = []), (field = ''));
    else if (c !== '\r') field += c;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}

function groupingAccuracy(predicted: number[], truth: string[]): number {
  const byPredicted = new Map<number, number[]>();
  const truthSize = new Map<string, number>();
  predicted.forEach((p, i) => byPredicted.set(p, [...(byPredicted.get(p) ?? []), i]));
  truth.forEach((t) => truthSize.set(t, (truthSize.get(t) ?? 0) + 1));
  let correct = 0;
  for (const members of byPredicted.values()) {
    const event = truth[members[0]];
    if (members.every((i) => truth[i] === event) && truthSize.get(event) === members.length) correct += members.length;
  }
  return correct / truth.length;
}

const config = loadConfig();
console.log('| data set | lines | templates (ours / truth) | grouping accuracy | Drain published (tuned per data set) | mask+mine lines/s |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const name of Object.keys(PUBLISHED)) {
  const [header, ...rows] = csvRows(fs.readFileSync(path.join(FOLDER, `${name}_2k.log_structured.csv`), 'utf8')).filter((r) => r.length > 3);
  const content = header.indexOf('Content');
  const event = header.indexOf('EventId');
  const mask = compileMasker(config.preprocess.masking);
  const drain = new Drain(config.preprocess.drain);
  const started = performance.now();
  const ids = rows.map((row) => drain.add(mask(row[content].trim())));
  const seconds = (performance.now() - started) / 1000;
  const ga = groupingAccuracy(ids, rows.map((row) => row[event]));
  console.log(`| ${name} | ${rows.length} | ${new Set(ids).size} / ${new Set(rows.map((r) => r[event])).size} | ${ga.toFixed(4)} | ${PUBLISHED[name]} | ${Math.round(rows.length / seconds)} |`);
}
