// report.html: one self-contained page (inline CSS, images as data: URIs, no script, no network)
// with the summary table, the charts and the highest-scoring test windows. All text is escaped.
import type { EmbedderEvaluation } from '../evaluate-embedder.js';
import type { ShownWindow } from './top-windows.js';
import { STYLE } from './style.js';
import { MIN_POSITIVES_TO_FIT } from '../metrics/threshold.js';

export interface ReportSection {
  readonly evaluation: EmbedderEvaluation;
  /** PNG bytes by chart file name, in display order. */
  readonly charts: readonly { readonly name: string; readonly title: string; readonly png: Buffer }[];
  readonly projection: { readonly method: string; readonly note: string | null };
  readonly windows: readonly ShownWindow[];
}

export interface ReportInput {
  readonly title: string;
  readonly sections: readonly ReportSection[];
  readonly missing: readonly { readonly embedder: string; readonly reason: string }[];
  readonly comparisonPng: Buffer | null;
  /** One sentence on the best embedder (verdict.ts). */
  readonly verdict: string | null;
  readonly optimizeThresholds: boolean;
  /** PNG pixels per CSS pixel of the charts. */
  readonly chartScale: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const num = (value: number | null | undefined, digits = 3) => (value === null || value === undefined ? '<span class="na">n/a</span>' : value.toFixed(digits));
/** An inline PNG shown at its CSS size: charts are rendered at `scale` pixels per CSS pixel. */
function img(png: Buffer, alt: string, scale: number): string {
  const width = Math.round(png.readUInt32BE(16) / scale);
  const height = Math.round(png.readUInt32BE(20) / scale);
  return `<img alt="${escapeHtml(alt)}" width="${width}" height="${height}" src="data:image/png;base64,${png.toString('base64')}">`;
}
const classList = (names: readonly string[]) => (names.length === 0 ? '<span class="normal">normal</span>' : names.map((n) => `<span class="cls">${escapeHtml(n)}</span>`).join(' '));

function thresholdText(optimize: boolean): string {
  return optimize
    ? `Thresholds: <b>F1-optimal, chosen on the validation split</b> (window, line and each class, midway down to the next lower validation score; a supervised class with fewer than ${MIN_POSITIVES_TO_FIT} positive validation windows keeps the model's) and applied unchanged to the test split.`
    : "Thresholds: <b>the model's own</b> (calibrated on the validation split during training).";
}

function summaryTable(sections: readonly ReportSection[], missing: ReportInput['missing']): string {
  const rows = sections.flatMap(({ evaluation: e }) => (['window', 'line'] as const).map((level) => {
    const b = e[level].binary;
    return `<tr><td>${escapeHtml(e.embedder)}</td><td>${level}</td><td>${e[level].count}</td><td>${b.support}</td><td>${num(b.precision)}</td><td>${num(b.recall)}</td><td>${num(b.f1)}</td><td>${num(b.auc_roc)}</td><td>${num(b.auc_pr)}</td><td>${num(e[level].threshold, 4)}</td></tr>`;
  }));
  const absent = missing.map((m) => `<tr class="missing"><td>${escapeHtml(m.embedder)}</td><td colspan="9">not evaluated: ${escapeHtml(m.reason)}</td></tr>`);
  return `<table class="summary"><thead><tr><th>Embedder</th><th>Level</th><th>Test items</th><th>Anomalous</th><th>Precision</th><th>Recall</th><th>F1</th><th>AUC-ROC</th><th>AUC-PR</th><th>Threshold</th></tr></thead><tbody>${[...rows, ...absent].join('')}</tbody></table>`;
}

function classTable(e: EmbedderEvaluation): string {
  const rows = e.window.per_class.map((c) => `<tr${c.status === 'ok' ? '' : ' class="nopos"'}><td>${escapeHtml(c.class)}</td><td>${c.support}</td><td>${escapeHtml(c.status)}</td><td>${num(c.precision)}</td><td>${num(c.recall)}</td><td>${num(c.f1)}</td><td>${num(c.auc_roc)}</td><td>${num(c.auc_pr)}</td><td>${num(c.threshold, 4)}</td></tr>`);
  const avg = (name: string, a: EmbedderEvaluation['window']['micro']) => `<tr class="avg"><td>${name}</td><td>${a.support}</td><td>${a.excluded_classes.length ? `excludes ${escapeHtml(a.excluded_classes.join(', '))}` : ''}</td><td>${num(a.precision)}</td><td>${num(a.recall)}</td><td>${num(a.f1)}</td><td>${num(a.auc_roc)}</td><td>${num(a.auc_pr)}</td><td></td></tr>`;
  return `<table class="classes"><thead><tr><th>Class (windows)</th><th>Support</th><th>Status</th><th>Precision</th><th>Recall</th><th>F1</th><th>AUC-ROC</th><th>AUC-PR</th><th>Threshold</th></tr></thead><tbody>${rows.join('')}${avg('micro average', e.window.micro)}${avg('macro average', e.window.macro)}</tbody></table>`;
}

function windowBlock(w: ShownWindow): string {
  const lines = w.lines.map((l) => {
    const kind = [l.trueClasses.length > 0 ? 'anomalous' : '', l.flagged ? 'flagged' : ''].filter(Boolean).join(' ');
    return `<tr${kind ? ` class="${kind}"` : ''}><td class="where">${escapeHtml(l.where)}</td><td class="score">${num(l.score)}</td><td class="mark">${l.flagged ? '&#9650;' : ''}</td><td class="labels">${l.trueClasses.map(escapeHtml).join(', ')}</td><td class="text">${escapeHtml(l.text)}</td></tr>`;
  });
  const hidden = w.hiddenLines > 0 ? `<tr><td colspan="5" class="more">&hellip; ${w.hiddenLines} more lines in this window</td></tr>` : '';
  const verdict = w.predictedAnomalous ? '<span class="flag">flagged</span>' : '<span class="normal">below threshold</span>';
  return `<div class="window"><div class="head"><b>#${w.rank}</b> score ${num(w.score, 4)} ${verdict} &middot; entity ${escapeHtml(w.entity)}<span class="vs"><span>true: ${classList(w.trueClasses)}</span><span>predicted: ${classList(w.predictedClasses)}</span></span></div><table class="lines">${lines.join('')}${hidden}</table></div>`;
}

function embedderSection(s: ReportSection, open: boolean, scale: number): string {
  const e = s.evaluation;
  const notes = [...e.thresholds.notes, ...(s.projection.note ? [`projection: ${s.projection.note}`] : [])];
  const charts = s.charts.map((c) => `<figure>${img(c.png, `${c.title}: ${e.embedder}`, scale)}<figcaption>${escapeHtml(c.title)}</figcaption></figure>`).join('');
  return `<section id="${escapeHtml(e.embedder)}"><h2>${escapeHtml(e.embedder)} <small>${escapeHtml(e.mode)} model</small></h2>
${notes.length ? `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
${classTable(e)}
<p class="small">Share of test windows whose predicted classes are exactly their true ones, normal windows included (subset accuracy): ${num(e.window.subset_accuracy)}. Anomalous lines found, per class (lines carry no class scores, so only detection is shown): ${e.line.per_class.map((c) => `${escapeHtml(c.class)} ${c.detected} of ${c.support}`).join(', ') || 'no classes'}.</p>
<div class="charts">${charts}</div>
<details${open ? ' open' : ''}><summary>The ${s.windows.length} highest-scoring test windows (<span class="key anomalous">labelled anomalous line</span> <span class="key flagged">&#9650; line flagged by the model</span>)</summary>${s.windows.map(windowBlock).join('')}</details>
</section>`;
}

export function reportHtml(input: ReportInput): string {
  const missing = input.missing.length
    ? `<div class="warning">Not evaluated: ${input.missing.map((m) => `<b>${escapeHtml(m.embedder)}</b> (${escapeHtml(m.reason)})`).join('; ')}</div>`
    : '';
  const comparison = input.comparisonPng ? `<figure class="wide">${img(input.comparisonPng, 'Performance comparison of embedders', input.chartScale)}</figure>` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(input.title)}</h1>
<p>${thresholdText(input.optimizeThresholds)} Metrics are on the test split; precision with no predicted positive is 0 (scikit-learn's zero_division=0); a class with no positive test example is marked as such and left out of macro averages.</p>
${missing}
<h2>Summary</h2>${input.verdict ? `<p class="verdict">${escapeHtml(input.verdict)}</p>` : ''}${summaryTable(input.sections, input.missing)}
${comparison}
${input.sections.map((s, i) => embedderSection(s, i === 0, input.chartScale)).join('\n')}
</body></html>
`;
}
