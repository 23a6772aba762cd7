// Writes the report's PNG charts: per embedder (in results/{type}/{embedder}/) the confusion
// matrices, ROC and PR curves and [CLS] projection; at the top the embedder comparison.
import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomicSync } from '../../../io/atomic-write.js';
import type { SplitScores } from '../../../io/scores-file.js';
import type { EvaluateParams } from '../params.js';
import type { EmbedderEvaluation } from '../evaluate-embedder.js';
import { renderPng } from './render.js';
import { comparisonSpec, confusionSpec, prSpec, projectionSpec, rocSpec } from './specs.js';
import { projectVectors, type Projection } from './projection.js';

export const EMBEDDER_CHARTS = ['confusion_matrices.png', 'roc_curves.png', 'precision_recall_curves.png', 'embedding_projection.png'] as const;
export const COMPARISON_CHART = 'performance_comparison.png';

/** A window's class for colouring: its class, several joined with "+", or "normal". */
export function windowClassName(ids: readonly number[], classes: readonly string[]): string {
  return ids.length === 0 ? 'normal' : [...ids].sort((a, b) => a - b).map((id) => classes[id] ?? `class ${id}`).join('+');
}

export function projectionOf(test: SplitScores, params: EvaluateParams): Projection {
  const { cls, cls_index: clsIndex, labels } = test.windows;
  if (!cls || cls.length === 0) return { points: [], method: 'none', note: 'the test scores carry no [CLS] vectors' };
  const names = cls.map((_, i) => windowClassName(labels[clsIndex?.[i] ?? i] ?? [], test.classes));
  return projectVectors(cls, names, params.projection);
}

async function writePng(file: string, spec: TopLevelSpec, params: EvaluateParams): Promise<string> {
  writeFileAtomicSync(file, await renderPng(spec, { scale: params.chart.scale }));
  return file;
}

/** Renders one embedder's charts; returns the files written and the projection method used. */
export async function writeEmbedderCharts(dir: string, evaluation: EmbedderEvaluation, test: SplitScores, params: EvaluateParams): Promise<{ files: string[]; projection: Pick<Projection, 'method' | 'note'> }> {
  const size = params.chart;
  const projection = projectionOf(test, params);
  const specs: TopLevelSpec[] = [confusionSpec(evaluation, size), rocSpec(evaluation, size), prSpec(evaluation, size), projectionSpec(evaluation.embedder, projection, size)];
  const files: string[] = [];
  for (let i = 0; i < specs.length; i++) files.push(await writePng(path.join(dir, EMBEDDER_CHARTS[i]), specs[i], params));
  return { files, projection: { method: projection.method, note: projection.note } };
}

export async function writeComparisonChart(resultsDir: string, evaluations: readonly EmbedderEvaluation[], missing: readonly string[], params: EvaluateParams): Promise<string> {
  return writePng(path.join(resultsDir, COMPARISON_CHART), comparisonSpec(evaluations, missing, params.chart), params);
}
