// Reads TFRecord shards back with bounded memory, checking both CRCs of every record.
import fs from 'node:fs';
import { PipelineError } from '../../pipeline/errors.js';
import { maskedCrc32c } from './crc32c.js';
import { decodeLineRecord } from './example.js';
import type { LineRecord } from './line-record.js';

const CHUNK_BYTES = 1 << 20;

function corrupted(file: string, record: number, offset: number, what: string): PipelineError {
  return new PipelineError('input', `${file}: record ${record} (byte offset ${offset}) is corrupted (${what}); rerun preprocess with --force_restart`);
}

export async function* readTFRecords(file: string): AsyncGenerator<Uint8Array> {
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  let record = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let at = 0;
    while (pending.length - at >= 12) {
      const header = pending.subarray(at, at + 8);
      if (maskedCrc32c(header) !== pending.readUInt32LE(at + 8)) throw corrupted(file, record, offset, 'length CRC mismatch');
      const length = pending.readUInt32LE(at) + pending.readUInt32LE(at + 4) * 2 ** 32;
      if (pending.length - at < 16 + length) break;
      const data = pending.subarray(at + 12, at + 12 + length);
      if (maskedCrc32c(data) !== pending.readUInt32LE(at + 12 + length)) throw corrupted(file, record, offset, 'data CRC mismatch');
      yield data;
      at += 16 + length;
      offset += 16 + length;
      record++;
    }
    pending = pending.subarray(at);
  }
  if (pending.length) throw corrupted(file, record, offset, `truncated: ${pending.length} bytes left over`);
}

export async function* readLineRecords(shardPaths: readonly string[]): AsyncGenerator<LineRecord> {
  for (const shard of shardPaths) for await (const bytes of readTFRecords(shard)) yield decodeLineRecord(bytes);
}

/** The finished shards in a folder, in order. */
export function listShards(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /^lines-\d{5}-of-\d{5}\.tfrecord$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}
