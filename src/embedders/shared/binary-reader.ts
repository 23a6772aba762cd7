// Sequential reads from a large binary file through a small buffer, tracking the byte offset so
// that a malformed file is reported with the place it goes wrong.
import fs from 'node:fs';
import { PipelineError } from '../../pipeline/errors.js';

const CHUNK = 1 << 20;

export class BinaryReader {
  offset = 0;
  private readonly fd: number;
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  readonly size: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'r');
    this.size = fs.fstatSync(this.fd).size;
  }

  fail(what: string): never {
    throw new PipelineError('input', `${this.file}: ${what} at byte ${this.offset}; check that the file is a complete model in the configured format`);
  }

  /** Makes `n` bytes from the current offset available; returns the buffer position of the first. */
  private ensure(n: number, what: string): number {
    const at = this.offset - this.bufferStart;
    if (at >= 0 && at + n <= this.buffer.length) return at;
    if (this.offset + n > this.size) this.fail(`the file ends inside ${what} (needs ${n} more bytes)`);
    this.buffer = Buffer.alloc(Math.max(CHUNK, n));
    const got = fs.readSync(this.fd, this.buffer, 0, this.buffer.length, this.offset);
    this.buffer = this.buffer.subarray(0, got);
    this.bufferStart = this.offset;
    return 0;
  }

  int32(what: string): number {
    const at = this.ensure(4, what);
    this.offset += 4;
    return this.buffer.readInt32LE(at);
  }

  int64(what: string): number {
    const at = this.ensure(8, what);
    this.offset += 8;
    return Number(this.buffer.readBigInt64LE(at));
  }

  float64(what: string): number {
    const at = this.ensure(8, what);
    this.offset += 8;
    return this.buffer.readDoubleLE(at);
  }

  uint8(what: string): number {
    const at = this.ensure(1, what);
    this.offset += 1;
    return this.buffer[at];
  }

  floats(count: number, what: string): Float32Array {
    const at = this.ensure(count * 4, what);
    this.offset += count * 4;
    return new Float32Array(this.buffer.buffer.slice(this.buffer.byteOffset + at, this.buffer.byteOffset + at + count * 4));
  }

  /** Bytes up to (not including) `terminator`, which is consumed; at most `limit` bytes. */
  until(terminator: number, limit: number, what: string): Buffer {
    const parts: Buffer[] = [];
    let length = 0;
    for (;;) {
      const at = this.ensure(1, what);
      const end = this.buffer.indexOf(terminator, at);
      const stop = end === -1 ? this.buffer.length : end;
      parts.push(this.buffer.subarray(at, stop));
      length += stop - at;
      this.offset += stop - at;
      if (length > limit) this.fail(`${what} longer than ${limit} bytes`);
      if (end !== -1) {
        this.offset += 1;
        return Buffer.concat(parts);
      }
    }
  }

  skip(bytes: number, what: string): void {
    if (this.offset + bytes > this.size) this.fail(`the file ends inside ${what}`);
    this.offset += bytes;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
