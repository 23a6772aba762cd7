// TFRecord shards: CRC32C, exact bytes of a known record (made by Google's protobuf), round trips,
// corruption reports and resume after a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32c, crc32cPortable, maskedCrc32c } from '../../../src/io/tfrecord/crc32c.js';
import { decodeLineRecord, encodeLineRecord } from '../../../src/io/tfrecord/example.js';
import { ExampleType } from '../../../src/io/tfrecord/example-schema.js';
import type { LineRecord } from '../../../src/io/tfrecord/line-record.js';
import { listShards, readLineRecords, readTFRecords } from '../../../src/io/tfrecord/reader.js';
import { ShardedWriter } from '../../../src/io/tfrecord/writer.js';

const FIXTURE = fileURLToPath(new URL('../../../../test/fixtures/tfrecord/known_record.hex', import.meta.url));
const KNOWN: LineRecord = {
  source: 'alice.log',
  line: 120,
  ts: 1795428901000,
  entity: 'alice',
  text: 'Nov 23 10:15:01 vpn sshd[1]: Failed password for alice from 203.0.113.9 port 22 ssh2 – ü',
  masked: 'Failed password for alice from <IP> port <NUM> ssh2 – ü',
  template: 7,
  labels: [0, 3],
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lad-tfrecord-'));
const record = (i: number): LineRecord => ({ source: `f${i % 3}.log`, line: i + 1, ts: i % 5 === 0 ? null : 1_700_000_000_000 + i, entity: `u${i % 7}`, text: `line ${i} ${'é'.repeat(i % 4)}`, masked: `line <NUM> ${i % 11}`, template: i % 11, labels: i % 9 === 0 ? [1, 2] : [] });

test('CRC32C("123456789") is 0xE3069283 for both implementations, and they agree on random bytes', () => {
  const check = Buffer.from('123456789');
  assert.equal(crc32c(check), 0xe3069283);
  assert.equal(crc32cPortable(check), 0xe3069283);
  for (let n = 0; n < 50; n++) {
    const bytes = crypto.randomBytes(n * 37);
    assert.equal(crc32cPortable(bytes), crc32c(bytes));
  }
});

test('a known record is framed and encoded byte for byte as Google protobuf and crc32c write it', async () => {
  const expected = Buffer.from(fs.readFileSync(FIXTURE, 'utf8').trim(), 'hex');
  const dir = tempDir();
  const writer = new ShardedWriter(dir, 10);
  writer.write(encodeLineRecord(KNOWN));
  const [shard] = writer.finish();
  assert.equal(path.basename(shard), 'lines-00000-of-00001.tfrecord');
  assert.equal(fs.readFileSync(shard).toString('hex'), expected.toString('hex'));
  const [data] = await collect(readTFRecords(shard));
  assert.deepEqual(decodeLineRecord(data), KNOWN);
});

test('the hand-written encoder and protobufjs agree, and a record without time has no ts feature', () => {
  const bytes = encodeLineRecord({ ...KNOWN, ts: null, labels: [] });
  const decoded = ExampleType.toObject(ExampleType.decode(bytes), { longs: Number }) as { features: { feature: Record<string, unknown> } };
  assert.deepEqual(Object.keys(decoded.features.feature).sort(), ['entity', 'labels', 'line', 'masked', 'source', 'template', 'text']);
  assert.deepEqual(decodeLineRecord(bytes), { ...KNOWN, ts: null, labels: [] });
});

test('100,000 records round trip through rotating shards in order', async () => {
  const dir = tempDir();
  const writer = new ShardedWriter(dir, 30000);
  for (let i = 0; i < 100000; i++) writer.write(encodeLineRecord(record(i)));
  const shards = writer.finish();
  assert.deepEqual(shards.map((s) => path.basename(s)), ['lines-00000-of-00004.tfrecord', 'lines-00001-of-00004.tfrecord', 'lines-00002-of-00004.tfrecord', 'lines-00003-of-00004.tfrecord']);
  assert.deepEqual(listShards(dir), shards);
  let i = 0;
  for await (const decoded of readLineRecords(shards)) assert.deepEqual(decoded, record(i++));
  assert.equal(i, 100000);
});

test('a flipped byte is reported with the shard, the record number and the offset', async () => {
  const dir = tempDir();
  const writer = new ShardedWriter(dir, 100);
  for (let i = 0; i < 10; i++) writer.write(encodeLineRecord(record(i)));
  const [shard] = writer.finish();
  const bytes = fs.readFileSync(shard);
  const offsets = [0];
  for (let i = 0; i < 4; i++) offsets.push(offsets[i] + 16 + Number(bytes.readBigUInt64LE(offsets[i])));
  bytes[offsets[3] + 20] ^= 0xff;
  fs.writeFileSync(shard, bytes);
  await assert.rejects(collect(readLineRecords([shard])), { message: `${shard}: record 3 (byte offset ${offsets[3]}) is corrupted (data CRC mismatch); rerun preprocess with --force_restart` });
});

test('a writer resumed from a saved state after more was written gives byte-identical shards', async () => {
  const straight = tempDir();
  const w1 = new ShardedWriter(straight, 70);
  for (let i = 0; i < 300; i++) w1.write(encodeLineRecord(record(i)));
  const expected = w1.finish().map((file) => fs.readFileSync(file));

  const crashed = tempDir();
  const w2 = new ShardedWriter(crashed, 70);
  for (let i = 0; i < 130; i++) w2.write(encodeLineRecord(record(i)));
  const saved = JSON.parse(JSON.stringify(w2.state()));
  for (let i = 130; i < 220; i++) w2.write(encodeLineRecord(record(i)));
  w2.state(); // the crash happens after more bytes (and a new shard) reached the disk
  const w3 = ShardedWriter.resume(crashed, saved);
  for (let i = 130; i < 300; i++) w3.write(encodeLineRecord(record(i)));
  const resumed = w3.finish().map((file) => fs.readFileSync(file));
  assert.equal(resumed.length, expected.length);
  resumed.forEach((bytes, i) => assert.ok(bytes.equals(expected[i]), `shard ${i} identical`));
});
