// UTF-16 (LE or BE, known from the BOM) to lines: rare in logs, so decoded text is split
// as strings; lines longer than the limit are cut like UTF-8 ones (the limit counts UTF-16 bytes).
import type { SplitLine } from './line-splitter.js';

export function utf16Lines(encoding: 'utf-16le' | 'utf-16be', maxLineBytes: number): (chunk: Buffer | null) => SplitLine[] {
  const decoder = new TextDecoder(encoding);
  const maxChars = Math.floor(maxLineBytes / 2);
  let pending = '';
  let pendingChars = 0;
  let truncated = false;
  const line = (text: string): SplitLine => {
    const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
    const result = { text: clean, latin1: false, truncated, bytes: 2 * pendingChars };
    truncated = false;
    return result;
  };
  return (chunk) => {
    const text = chunk === null ? decoder.decode() : decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    const lines: SplitLine[] = [];
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      const room = maxChars - pending.length;
      const piece = parts[i].length > room ? ((truncated = true), parts[i].slice(0, Math.max(0, room))) : parts[i];
      pendingChars += parts[i].length;
      pending += piece;
      if (last && chunk !== null) break;
      if (last && pending.length === 0 && pendingChars === 0) break;
      lines.push(line(pending));
      pending = '';
      pendingChars = 0;
    }
    return lines;
  };
}
