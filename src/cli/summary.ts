// The few lines a person reads at the end of a run: F1 and AUCs per embedder, and where the report is.
import path from 'node:path';
import type { StageRecord } from '../pipeline/runner.js';
import type { StageContext } from '../pipeline/stage.js';

interface SummaryRow {
  embedder: string;
  f1: number | null;
  aucRoc: number | null;
  aucPr: number | null;
}

const cell = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  const header = ['embedder', 'F1', 'AUC-ROC', 'AUC-PR'];
  const body = rows.map((row) => [row.embedder, cell(row.f1), cell(row.aucRoc), cell(row.aucPr)]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((line) => line[column].length)));
  const format = (line: string[]) => line.map((text, column) => text.padEnd(widths[column])).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...body.map(format)].join('\n');
}

/** Prints the evaluation's table (window level, test split) and the report's path. */
export function printRunSummary(context: StageContext, records: readonly StageRecord[]): number {
  const evaluation = records.find((record) => record.stage === 'evaluate');
  const rows = (evaluation?.summary.rows ?? []) as SummaryRow[];
  if (rows.length) console.log(`\nTest split, window level:\n${formatSummaryTable(rows)}`);
  const verdict = evaluation?.summary.verdict;
  if (typeof verdict === 'string') console.log(`\n${verdict}`);
  console.log(`\nReport: ${path.join(context.paths.results, 'report.html')}`);
  return 0;
}
