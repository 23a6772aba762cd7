// Renders a vega-lite specification to PNG without a browser: vega-lite -> vega View (no renderer)
// -> SVG -> resvg. resvg draws no text without a font, silently, so a TTF is passed explicitly.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { PipelineError } from '../../../pipeline/errors.js';
import { loadAdvanceTable, textWidth, type AdvanceTable } from './text-metrics.js';

export const FONT_FAMILY = 'DejaVu Sans';

/** A DejaVu Sans TTF shipped by the dejavu-fonts-ttf package (regular or bold). */
export function chartFontFile(weight: 'regular' | 'bold' = 'regular'): string {
  const name = `dejavu-fonts-ttf/ttf/DejaVuSans${weight === 'bold' ? '-Bold' : ''}.ttf`;
  let found: string;
  try {
    found = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new PipelineError('missing_prerequisite', `the chart font ${name} is not installed; run npm install`);
  }
  if (!fs.existsSync(found)) throw new PipelineError('missing_prerequisite', `the chart font ${found} is missing; run npm install`);
  return found;
}

let metricsInstalled = false;

interface TextItem { fontSize?: number; fontWeight?: string | number; limit?: number }

/** Makes vega measure text with the chart font's real advance widths (once per process). */
function installTextMetrics(): void {
  if (metricsInstalled) return;
  const tables: Record<'regular' | 'bold', AdvanceTable> = { regular: loadAdvanceTable(chartFontFile('regular')), bold: loadAdvanceTable(chartFontFile('bold')) };
  // vega-scenegraph calls a user-defined textMetrics.width (as vl-convert sets one); vega's typings omit it.
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text?: unknown) => {
    const value = text == null ? '' : String(text).trim();
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    const width = textWidth(bold ? tables.bold : tables.regular, value, item.fontSize != null ? +item.fontSize || 0 : 11);
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
  metricsInstalled = true;
}

/** Fonts, colours and sizes every chart shares, so they look like one report. */
export const CHART_CONFIG = Object.freeze({
  font: FONT_FAMILY,
  background: 'white',
  padding: 12,
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: '#bbb' },
});

export async function specToSvg(spec: TopLevelSpec): Promise<string> {
  installTextMetrics();
  const compiled = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string, options: { scale: number; withFont?: boolean }): Buffer {
  const font = options.withFont === false
    ? { fontFiles: [] as string[], loadSystemFonts: false }
    : { fontFiles: [chartFontFile('regular'), chartFontFile('bold')], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY };
  const resvg = new Resvg(svg, { font, fitTo: { mode: 'zoom', value: options.scale }, background: 'white' });
  return resvg.render().asPng();
}

export async function renderPng(spec: TopLevelSpec, options: { scale: number; withFont?: boolean }): Promise<Buffer> {
  return svgToPng(await specToSvg(spec), options);
}
