// Evaluates every trained embedder and writes results/{type}/: detailed_metrics.json,
// metrics_summary.csv, the PNG charts and report.html (written last: its presence means done).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../../io/atomic-write.js';
import { logger } from '../../runtime/logger.js';
import { DEFAULT_EVALUATE_PARAMS, type EvaluateParams } from './params.js';
import { evaluateEmbedder, type EmbedderEvaluation, type EmbedderScores } from './evaluate-embedder.js';
import { EMBEDDER_CHARTS, writeComparisonChart, writeEmbedderCharts } from './charts/write-charts.js';
import { summaryCsv } from './report/csv.js';
import { verdict } from './report/verdict.js';
import { reportHtml, type ReportSection } from './report/html.js';
import { topWindows, type LineTextLookup } from './report/top-windows.js';

export type { EmbedderScores } from './evaluate-embedder.js';

export interface MissingEmbedder {
  readonly embedder: string;
  readonly reason: string;
}

export interface EvaluateAllInput {
  readonly resultsDir: string;
  readonly embedders: readonly EmbedderScores[];
  readonly missing: readonly MissingEmbedder[];
  /** F1-optimal thresholds from validation (true) or the model's (false); wins over params. */
  readonly optimizeThresholds: boolean;
  /** Text of corpus lines by index (TFRecord order), for the report's top windows. */
  lineText: LineTextLookup;
  readonly title: string;
  readonly params?: EvaluateParams;
}

export interface EmbedderSummary {
  readonly embedder: string;
  readonly f1: number | null;
  readonly aucRoc: number | null;
  readonly aucPr: number | null;
}

export interface EvaluateAllResult {
  readonly files: string[];
  readonly summary: EmbedderSummary[];
  readonly verdict: string | null;
}

const CHART_TITLES = ['Confusion matrices', 'ROC curves', 'Precision-recall curves', 'Embedding projection'];

export const DETAILED_METRICS = 'detailed_metrics.json';
export const SUMMARY_CSV = 'metrics_summary.csv';
export const REPORT_HTML = 'report.html';

function detailedMetrics(input: EvaluateAllInput, evaluations: EmbedderEvaluation[], sections: ReportSection[]) {
  return {
    schema: 1,
    title: input.title,
    split: 'test',
    threshold_mode: input.optimizeThresholds ? 'f1_optimal_on_validation' : 'model',
    conventions: {
      zero_division: 0,
      positive_when: 'score >= threshold',
      no_positive_class: 'status "no positive examples", metrics null, left out of macro averages',
      average_precision: "scikit-learn's average_precision_score: sum over thresholds of (R_n - R_n-1) * P_n",
      roc_curve: 'scikit-learn 1.2 roc_curve, drop_intermediate=True; first threshold = max score + 1',
    },
    embedders: Object.fromEntries(evaluations.map((e, i) => [e.embedder, {
      ...e,
      projection: sections[i].projection,
      charts: EMBEDDER_CHARTS.map((name) => `${e.embedder}/${name}`),
    }])),
    missing: input.missing,
  };
}

export async function evaluateAll(input: EvaluateAllInput): Promise<EvaluateAllResult> {
  const params = input.params ?? DEFAULT_EVALUATE_PARAMS;
  const files: string[] = [];
  const evaluations: EmbedderEvaluation[] = [];
  const sections: ReportSection[] = [];
  for (const scores of input.embedders) {
    const evaluation = evaluateEmbedder(scores, input.optimizeThresholds, params.max_curve_points);
    const dir = path.join(input.resultsDir, scores.embedder);
    const charts = await writeEmbedderCharts(dir, evaluation, scores.test, params);
    files.push(...charts.files);
    const windows = await topWindows(scores.test, evaluation.thresholds.applied, { count: params.top_windows, maxLines: params.max_lines_per_window, lineText: input.lineText });
    evaluations.push(evaluation);
    sections.push({
      evaluation,
      charts: charts.files.map((file, i) => ({ name: path.basename(file), title: CHART_TITLES[i], png: fs.readFileSync(file) })),
      projection: charts.projection,
      windows,
    });
    const { f1, auc_roc } = evaluation.window.binary;
    logger().info({ embedder: scores.embedder, f1: f1 === null ? null : +f1.toFixed(3), auc_roc: auc_roc === null ? null : +auc_roc.toFixed(3) }, 'evaluated');
  }
  const missingNames = input.missing.map((m) => m.embedder);
  let comparisonPng: Buffer | null = null;
  if (evaluations.length > 0) {
    const file = await writeComparisonChart(input.resultsDir, evaluations, missingNames, params);
    comparisonPng = fs.readFileSync(file);
    files.push(file);
  }
  const write = (name: string, data: string | object) => {
    const file = path.join(input.resultsDir, name);
    typeof data === 'string' ? writeFileAtomicSync(file, data) : writeJsonAtomicSync(file, data);
    files.push(file);
  };
  write(DETAILED_METRICS, detailedMetrics(input, evaluations, sections));
  write(SUMMARY_CSV, summaryCsv(evaluations, input.missing));
  const best = verdict(evaluations);
  write(REPORT_HTML, reportHtml({ title: input.title, sections, missing: input.missing, comparisonPng, verdict: best, optimizeThresholds: input.optimizeThresholds, chartScale: params.chart.scale }));
  return {
    files,
    verdict: best,
    summary: evaluations.map((e) => ({ embedder: e.embedder, f1: e.window.binary.f1, aucRoc: e.window.binary.auc_roc, aucPr: e.window.binary.auc_pr })),
  };
}
