// Vega-lite specifications of the report's charts, built from evaluation results (data inline).
// Every chart has a title, labelled axes and a legend, as a reader of the PNG alone needs.
import type { TopLevelSpec } from 'vega-lite';
import type { EmbedderEvaluation } from '../evaluate-embedder.js';
import type { CurvePair } from '../curves.js';
import type { Confusion } from '../metrics/classification.js';
import type { Projection } from './projection.js';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

const fmt = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const OVERALL = 'anomaly (window)';

/** Ten clearly different colours while they suffice; twenty (paired shades) beyond that. */
function palette(values: readonly unknown[]): string {
  return new Set(values).size > 10 ? 'tableau20' : 'tableau10';
}

function thresholdNote(e: EmbedderEvaluation): string {
  return e.thresholds.mode === 'model' ? "model's thresholds" : 'F1-optimal thresholds chosen on validation';
}

function confusionRows(name: string, c: Confusion) {
  const total = c.tn + c.fp + c.fn + c.tp;
  const cell = (actual: string, predicted: string, count: number, rowTotal: number) => ({ matrix: name, actual, predicted, count, share: rowTotal === 0 ? 0 : count / rowTotal, total });
  return [
    cell('positive', 'positive', c.tp, c.tp + c.fn), cell('positive', 'negative', c.fn, c.tp + c.fn),
    cell('negative', 'positive', c.fp, c.fp + c.tn), cell('negative', 'negative', c.tn, c.fp + c.tn),
  ];
}

export function confusionSpec(e: EmbedderEvaluation, size: ChartSize): TopLevelSpec {
  const rows = [
    ...confusionRows(OVERALL, e.window.binary.confusion),
    ...confusionRows('anomaly (line)', e.line.binary.confusion),
    ...e.window.per_class.map((c) => confusionRows(`${c.class}${c.status === 'ok' ? '' : ' (no positives)'}`, c.confusion)).flat(),
  ];
  const cell = Math.round(Math.min(size.width, size.height) / 3);
  return {
    title: { text: `Confusion matrices: ${e.embedder}`, subtitle: `test split, ${thresholdNote(e)}; class matrices are one-vs-rest; colour = share of the actual row` },
    data: { values: rows },
    facet: { field: 'matrix', type: 'nominal', title: null, sort: [...new Set(rows.map((r) => r.matrix))] },
    columns: 4,
    spec: {
      width: cell * 2, height: cell * 2,
      encoding: {
        x: { field: 'predicted', type: 'nominal', sort: ['positive', 'negative'], title: 'Predicted', axis: { labelAngle: 0 } },
        y: { field: 'actual', type: 'nominal', sort: ['positive', 'negative'], title: 'Actual' },
      },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'share', type: 'quantitative', title: 'Share of row', scale: { domain: [0, 1], scheme: 'blues' } } } },
        { mark: { type: 'text', fontSize: 14 }, encoding: { text: { field: 'count', type: 'quantitative' }, color: { condition: { test: 'datum.share > 0.6', value: 'white' }, value: 'black' } } },
      ],
    },
    // Each matrix gets its own x axis, so an empty cell at the end of the grid draws none.
    resolve: { scale: { color: 'shared' }, axis: { x: 'independent' } },
  } as TopLevelSpec;
}

interface CurveSeries { readonly name: string; readonly pair: CurvePair }

function seriesOf(e: EmbedderEvaluation): CurveSeries[] {
  return [
    { name: OVERALL, pair: e.window.curves.overall },
    { name: 'anomaly (line)', pair: e.line.curves.overall },
    ...e.window.per_class.map((c) => ({ name: c.class, pair: e.window.curves.classes[c.class] })),
  ];
}

function undefinedNote(series: CurveSeries[], which: 'roc' | 'pr'): string {
  const missing = series.filter((s) => s.pair[which] === null).map((s) => s.name);
  return missing.length === 0 ? '' : `; not drawn (no positive or no negative test example): ${missing.join(', ')}`;
}

function curveChart(title: string, subtitle: string, rows: object[], axes: { x: string; y: string }, diagonal: boolean, size: ChartSize): TopLevelSpec {
  const line = {
    mark: { type: 'line', strokeWidth: 2, interpolate: diagonal ? 'linear' : 'step-after' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: axes.x, scale: { domain: [0, 1.0], nice: false } },
      y: { field: 'y', type: 'quantitative', title: axes.y, scale: { domain: [0, 1.02], nice: false } },
      color: { field: 'series', type: 'nominal', title: 'Curve (area)', sort: null, scale: { scheme: palette(rows.map((r) => (r as { series: string }).series)) }, legend: { orient: 'right' } },
      strokeDash: { field: 'overall', type: 'nominal', legend: null, scale: { domain: [true, false], range: [[1, 0], [5, 3]] } },
      order: { field: 'i', type: 'quantitative' },
    },
  };
  const reference = { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', color: '#999', strokeDash: [2, 2] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
  return {
    title: { text: title, subtitle },
    width: size.width, height: size.height,
    data: { values: rows },
    layer: diagonal ? [reference, line] : [line],
  } as TopLevelSpec;
}

export function rocSpec(e: EmbedderEvaluation, size: ChartSize): TopLevelSpec {
  const series = seriesOf(e);
  const rows = series.flatMap(({ name, pair }) =>
    pair.roc === null ? [] : pair.roc.fpr.map((x, i) => ({ series: `${name} (AUC ${fmt(pair.auc_roc)})`, overall: name.startsWith('anomaly'), i, x, y: pair.roc!.tpr[i] })));
  return curveChart(`ROC curves: ${e.embedder}`, `test split; dotted grey = chance${undefinedNote(series, 'roc')}`, rows, { x: 'False positive rate', y: 'True positive rate (recall)' }, true, size);
}

/**
 * The PR points whose step outline encloses the average precision: of each run of equal recall,
 * the last (highest threshold, highest precision) point, the one AP's sum uses.
 */
export function stepPoints(pr: { precision: number[]; recall: number[] }): { x: number; y: number }[] {
  const { precision, recall } = pr;
  return recall.flatMap((x, i) => (i === recall.length - 1 || recall[i + 1] !== x ? [{ x, y: precision[i] }] : []));
}

export function prSpec(e: EmbedderEvaluation, size: ChartSize): TopLevelSpec {
  const series = seriesOf(e);
  const rows = series.flatMap(({ name, pair }) =>
    pair.pr === null ? [] : stepPoints(pair.pr).map(({ x, y }, i) => ({ series: `${name} (AP ${fmt(pair.auc_pr)})`, overall: name.startsWith('anomaly'), i, x, y })));
  return curveChart(`Precision-recall curves: ${e.embedder}`, `test split; AP = average precision (scikit-learn)${undefinedNote(series, 'pr')}`, rows, { x: 'Recall', y: 'Precision' }, false, size);
}

export const COMPARED_METRICS = ['Precision', 'Recall', 'F1', 'AUC-ROC', 'AUC-PR'] as const;

export function comparisonSpec(evaluations: readonly EmbedderEvaluation[], missing: readonly string[], size: ChartSize): TopLevelSpec {
  const rows = evaluations.flatMap((e) => {
    const b = e.window.binary;
    const values = [b.precision, b.recall, b.f1, b.auc_roc, b.auc_pr];
    return COMPARED_METRICS.map((metric, i) => ({ embedder: e.embedder, metric, value: values[i], label: fmt(values[i]) })).filter((r) => r.value !== null);
  });
  const notes = [`window level, test split; ${evaluations.map((e) => `${e.embedder}: ${thresholdNote(e)}`).join('; ')}`];
  if (missing.length > 0) notes.push(`not trained: ${missing.join(', ')}`);
  const encoding = {
    x: { field: 'metric', type: 'nominal', sort: COMPARED_METRICS, title: 'Metric', axis: { labelAngle: 0 } },
    xOffset: { field: 'embedder', type: 'nominal' },
    y: { field: 'value', type: 'quantitative', title: 'Score', scale: { domain: [0, 1] } },
    color: { field: 'embedder', type: 'nominal', title: 'Embedder' },
  };
  return {
    title: { text: 'Performance comparison of embedders', subtitle: notes },
    width: Math.max(size.width, 120 * COMPARED_METRICS.length), height: size.height,
    data: { values: rows },
    encoding,
    layer: [
      { mark: 'bar' },
      { mark: { type: 'text', dy: -6, fontSize: 9, angle: 0 }, encoding: { text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}

/** Shown instead of a scatter when there is nothing to project, so the file still explains itself. */
function emptyProjectionSpec(embedder: string, note: string, size: ChartSize): TopLevelSpec {
  return {
    title: { text: `Embedding projection: ${embedder}`, subtitle: 'no 2-D projection drawn' },
    width: size.width, height: size.height,
    data: { values: [{ message: note }] },
    mark: { type: 'text', fontSize: 13, color: '#555' },
    encoding: { text: { field: 'message' }, x: { value: size.width / 2 }, y: { value: size.height / 2 } },
  } as TopLevelSpec;
}

export function projectionSpec(embedder: string, projection: Projection, size: ChartSize): TopLevelSpec {
  if (projection.points.length === 0) return emptyProjectionSpec(embedder, projection.note ?? 'no [CLS] vectors', size);
  const method = projection.method.toUpperCase();
  const subtitle = [`[CLS] vectors of test windows, coloured by true class`, projection.note].filter(Boolean) as string[];
  return {
    title: { text: `Embedding projection (${method}): ${embedder}`, subtitle },
    width: size.width, height: size.height,
    data: { values: projection.points },
    mark: { type: 'circle', size: 36, opacity: 0.75 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: `${method} component 1`, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: `${method} component 2`, scale: { zero: false } },
      color: { field: 'label', type: 'nominal', title: 'True class', scale: { scheme: palette(projection.points.map((p) => p.label)) } },
    },
  } as TopLevelSpec;
}
