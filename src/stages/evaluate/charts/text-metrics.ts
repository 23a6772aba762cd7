// Text widths for vega's layout from the TTF's own advance widths (cmap format 4 + hmtx):
// without a canvas vega guesses 0.8 em per character, which leaves wide empty margins.
import fs from 'node:fs';

export interface AdvanceTable {
  /** Advance width in em of a code point (the .notdef advance when the font lacks it). */
  advance(codePoint: number): number;
}

function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  return tables;
}

/** Glyph id lookup through the Windows Unicode BMP cmap subtable (format 4). */
function cmapFormat4(font: Buffer, cmap: number): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    if (font.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) sub = offset;
  }
  if (sub < 0) return () => 0;
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    for (let i = 0; i < segments; i++) {
      if (codePoint > font.readUInt16BE(ends + 2 * i)) continue;
      const start = font.readUInt16BE(starts + 2 * i);
      if (codePoint < start) return 0;
      const delta = font.readUInt16BE(deltas + 2 * i);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + 2 * i + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

export function loadAdvanceTable(fontFile: string): AdvanceTable {
  const font = fs.readFileSync(fontFile);
  const tables = tableOffsets(font);
  const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((tag) => tables.get(tag));
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) throw new Error(`${fontFile}: not a TrueType font with cmap/hmtx tables`);
  const unitsPerEm = font.readUInt16BE(head + 18);
  const metrics = font.readUInt16BE(hhea + 34);
  const glyphOf = cmapFormat4(font, cmap);
  const cache = new Map<number, number>();
  return {
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        const glyph = codePoint > 0xffff ? 0 : glyphOf(codePoint);
        width = font.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

/** Width in pixels of `text` at `fontSize`. */
export function textWidth(table: AdvanceTable, text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += table.advance(char.codePointAt(0) ?? 0);
  return em * fontSize;
}
