// Splits a stream of byte chunks into lines: LF or CRLF, a last line without newline, and lines
// longer than the limit cut at the limit with the rest skipped without buffering it.
import { isUtf8 } from 'node:buffer';

export interface SplitLine {
  readonly text: string;
  readonly latin1: boolean;
  readonly truncated: boolean;
  /** Bytes of the line as it was in the file, before cutting. */
  readonly bytes: number;
}

export class LineSplitter {
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private lineBytes = 0;
  private truncated = false;

  constructor(private readonly maxLineBytes: number) {}

  /** Lines completed by this chunk. */
  *push(chunk: Buffer): Generator<SplitLine> {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      yield this.finish(chunk, start, newline);
      start = newline + 1;
    }
    if (start < chunk.length) this.keep(chunk, start, chunk.length);
  }

  /** The last line, when the input does not end with a newline. */
  *end(): Generator<SplitLine> {
    if (this.lineBytes > 0) yield this.finish(Buffer.alloc(0), 0, 0);
  }

  private keep(chunk: Buffer, start: number, end: number): void {
    this.lineBytes += end - start;
    const room = this.maxLineBytes - this.carryBytes;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const take = Math.min(room, end - start);
    if (take < end - start) this.truncated = true;
    // A copy: the stream may reuse the chunk's memory.
    this.carry.push(Buffer.from(chunk.subarray(start, start + take)));
    this.carryBytes += take;
  }

  private finish(chunk: Buffer, start: number, end: number): SplitLine {
    let bytes: Buffer;
    if (this.carry.length === 0 && end - start <= this.maxLineBytes) {
      bytes = chunk.subarray(start, end);
      this.lineBytes = end - start;
    } else {
      this.keep(chunk, start, end);
      bytes = this.carry.length === 1 ? this.carry[0] : Buffer.concat(this.carry, this.carryBytes);
    }
    let length = bytes.length;
    if (length > 0 && bytes[length - 1] === 13) length--;
    const line = decode(bytes.subarray(0, length), this.truncated, this.lineBytes);
    this.carry = [];
    this.carryBytes = 0;
    this.lineBytes = 0;
    this.truncated = false;
    return line;
  }
}

function decode(bytes: Buffer, truncated: boolean, total: number): SplitLine {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), latin1: false, truncated, bytes: total };
  // A cut may split a multi-byte character: drop the partial tail rather than call the line Latin-1.
  if (truncated) {
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      const head = bytes.subarray(0, bytes.length - cut);
      if (isUtf8(head)) return { text: head.toString('utf8'), latin1: false, truncated, bytes: total };
    }
  }
  return { text: bytes.toString('latin1'), latin1: true, truncated, bytes: total };
}
