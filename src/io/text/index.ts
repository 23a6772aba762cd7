// The streaming log reader: any supported encoding and compression in, decoded lines out,
// with bounded memory and per-file statistics (encoding, cut lines, Latin-1 lines, binary, damage).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { LineSplitter, type SplitLine } from './line-splitter.js';
import { utf16Lines } from './utf16.js';

export interface ReadLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
  readonly latin1: boolean;
  readonly truncated: boolean;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface FileReadStats {
  readonly bytes: number;
  readonly encoding: TextEncoding;
  readonly compression: 'none' | 'gzip';
  readonly lines: number;
  readonly longestLine: number;
  readonly truncatedLines: number;
  readonly latin1Lines: number;
  readonly binary: boolean;
  readonly gzipTruncated: boolean;
}

export interface LogFileReader {
  lines(): AsyncIterable<ReadLine>;
  /** The same lines, one array per read chunk: much cheaper per line than awaiting each one. */
  batches(): AsyncIterable<ReadLine[]>;
  /** Complete once `lines()` has been read to its end. */
  stats(): FileReadStats;
}

const CHUNK_BYTES = 1 << 20;
const BINARY_PROBE_BYTES = 8192;

function encodingOf(head: Buffer): { encoding: TextEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return { encoding: 'utf-8', bom: 0 };
}

/** Decompressed bytes of the file, gzip detected by its magic bytes; `damaged` is set when a gzip stream ends early. */
async function* fileBytes(file: string, state: { gzip: boolean; damaged: boolean }): AsyncGenerator<Buffer> {
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(2);
  const got = fs.readSync(fd, magic, 0, 2, 0);
  fs.closeSync(fd);
  state.gzip = got === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  const raw = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  if (!state.gzip) {
    yield* raw as AsyncIterable<Buffer>;
    return;
  }
  const gunzip = zlib.createGunzip({ chunkSize: CHUNK_BYTES });
  raw.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'Z_BUF_ERROR' && (error as NodeJS.ErrnoException).code !== 'Z_DATA_ERROR') throw error;
    state.damaged = true;
  } finally {
    raw.destroy();
  }
}

export function openLogFile(file: string, options: { maxLineBytes: number }): LogFileReader {
  const stats = {
    bytes: fs.statSync(file).size,
    encoding: 'utf-8' as TextEncoding,
    compression: 'none' as 'none' | 'gzip',
    lines: 0,
    longestLine: 0,
    truncatedLines: 0,
    latin1Lines: 0,
    binary: false,
    gzipTruncated: false,
  };
  async function* batches(): AsyncGenerator<ReadLine[]> {
    const state = { gzip: false, damaged: false };
    const count = (line: SplitLine): ReadLine => {
      stats.lines++;
      stats.longestLine = Math.max(stats.longestLine, line.bytes);
      if (line.truncated) stats.truncatedLines++;
      if (line.latin1) stats.latin1Lines++;
      return { text: line.text, line: stats.lines, latin1: line.latin1, truncated: line.truncated };
    };
    const source = fileBytes(file, state);
    let first = true;
    let splitter: LineSplitter | null = null;
    let utf16: ((chunk: Buffer | null) => SplitLine[]) | null = null;
    for await (let chunk of source) {
      if (first) {
        first = false;
        stats.compression = state.gzip ? 'gzip' : 'none';
        const { encoding, bom } = encodingOf(chunk);
        stats.encoding = encoding;
        chunk = chunk.subarray(bom);
        if (encoding.startsWith('utf-16')) utf16 = utf16Lines(encoding as 'utf-16le' | 'utf-16be', options.maxLineBytes);
        else if (chunk.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
          stats.binary = true;
          await source.return(undefined);
          return;
        } else splitter = new LineSplitter(options.maxLineBytes);
      }
      const batch: ReadLine[] = [];
      if (utf16) for (const line of utf16(chunk)) batch.push(count(line));
      else for (const line of splitter!.push(chunk)) batch.push(count(line));
      if (batch.length) yield batch;
    }
    const last: ReadLine[] = [];
    if (utf16) for (const line of utf16(null)) last.push(count(line));
    else if (splitter) for (const line of splitter.end()) last.push(count(line));
    if (last.length) yield last;
    stats.gzipTruncated = state.damaged;
  }
  async function* lines(): AsyncGenerator<ReadLine> {
    for await (const batch of batches()) yield* batch;
  }
  return { lines, batches, stats: () => ({ ...stats }) };
}
