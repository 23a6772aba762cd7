// Tests of chart rendering: the PNG decodes (signature, IHDR), has the expected size, and
// has text (a render without the font differs); the font's text widths drive vega's layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import type { TopLevelSpec } from 'vega-lite';
import { chartFontFile, renderPng, specToSvg, svgToPng } from '../../../src/stages/evaluate/charts/render.js';
import { loadAdvanceTable, textWidth } from '../../../src/stages/evaluate/charts/text-metrics.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, after checking the signature and the chunk's CRC. */
export function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE, 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  const length = png.readUInt32BE(8);
  assert.equal(length, 13);
  assert.equal(zlib.crc32(png.subarray(12, 16 + length)), png.readUInt32BE(16 + length), 'IHDR CRC');
  assert.equal(png.toString('latin1', png.length - 8, png.length - 4), 'IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const spec: TopLevelSpec = {
  width: 200, height: 100, padding: 10,
  title: 'Title', data: { values: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }] },
  mark: 'bar', encoding: { x: { field: 'k', type: 'nominal', title: 'Kind' }, y: { field: 'v', type: 'quantitative', title: 'Value' } },
} as TopLevelSpec;

test('a chart renders to a PNG of the expected size, with text drawn by the shipped font', async () => {
  const svg = await specToSvg(spec);
  const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
  // The plot (200 x 100) plus axes, title and padding, laid out with the font's real text widths.
  assert.ok(Number(width) > 220 && Number(width) < 300, `svg width ${width}`);
  assert.ok(Number(height) > 130 && Number(height) < 200, `svg height ${height}`);
  assert.match(svg, />Title</);
  const png = svgToPng(svg, { scale: 2 });
  assert.deepEqual(pngSize(png), { width: 2 * Number(width), height: 2 * Number(height) });
  const withoutFont = svgToPng(svg, { scale: 2, withFont: false });
  assert.deepEqual(pngSize(withoutFont), pngSize(png));
  assert.notDeepEqual(png, withoutFont, 'text must change the pixels: without the font resvg draws none');
  const textless = svgToPng(svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''), { scale: 2 });
  assert.deepEqual(textless, withoutFont, 'without the font the PNG equals one with no text at all');
});

test('the same chart renders to identical bytes twice', async () => {
  assert.deepEqual(await renderPng(spec, { scale: 1 }), await renderPng(spec, { scale: 1 }));
});

test('text widths come from the TTF advance widths', () => {
  const table = loadAdvanceTable(chartFontFile());
  // DejaVu Sans (2048 units per em): "i" advances 569 units, "W" 2025, the space 651.
  assert.equal(table.advance('i'.codePointAt(0)!), 569 / 2048);
  assert.equal(table.advance('W'.codePointAt(0)!), 2025 / 2048);
  assert.equal(textWidth(table, 'i i', 2048), 569 * 2 + 651);
});
