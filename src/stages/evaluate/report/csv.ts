// metrics_summary.csv: one row per embedder and level (window, line), RFC 4180 quoting;
// an embedder that was never trained gets rows with its status and empty metrics.
import type { EmbedderEvaluation } from '../evaluate-embedder.js';

export const SUMMARY_COLUMNS = [
  'embedder', 'level', 'status', 'threshold_mode', 'threshold', 'count', 'positives', 'predicted_positives',
  'accuracy', 'precision', 'recall', 'f1', 'auc_roc', 'auc_pr', 'micro_f1', 'macro_f1',
] as const;

type Cell = string | number | null;

export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function levelRows(e: EmbedderEvaluation): Cell[][] {
  const window = e.window;
  const line = e.line;
  const row = (level: string, threshold: number, count: number, b: typeof window.binary, micro: number | null, macro: number | null): Cell[] => [
    e.embedder, level, b.status === 'ok' ? 'evaluated' : b.status, e.thresholds.mode, threshold, count, b.support, b.predicted_positive,
    b.accuracy, b.precision, b.recall, b.f1, b.auc_roc, b.auc_pr, micro, macro,
  ];
  return [
    row('window', window.threshold, window.count, window.binary, window.micro.f1, window.macro.f1),
    row('line', line.threshold, line.count, line.binary, null, null),
  ];
}

export function summaryCsv(evaluations: readonly EmbedderEvaluation[], missing: readonly { embedder: string; reason: string }[]): string {
  const rows: Cell[][] = [[...SUMMARY_COLUMNS]];
  for (const e of evaluations) rows.push(...levelRows(e));
  for (const m of missing) {
    for (const level of ['window', 'line']) rows.push([m.embedder, level, `not evaluated: ${m.reason}`, ...new Array<Cell>(SUMMARY_COLUMNS.length - 3).fill(null)]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
