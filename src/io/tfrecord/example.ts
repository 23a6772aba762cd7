// One LineRecord as a tf.train.Example: a hand-written protobuf encoder for this fixed message
// (several times faster than reflection, and byte-for-byte what protobuf writes with sorted keys),
// and a decoder through protobufjs.
import { decodeExample, type DecodedFeature } from './example-schema.js';
import type { LineRecord } from './line-record.js';

const LEN = 2;

function varintSize(value: number): number {
  let size = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

class ByteWriter {
  offset = 0;
  constructor(readonly buffer: Buffer) {}

  varint(value: number): void {
    while (value >= 128) {
      this.buffer[this.offset++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    this.buffer[this.offset++] = value;
  }

  tag(field: number, wireType: number): void {
    this.buffer[this.offset++] = (field << 3) | wireType;
  }

  bytes(text: string, length: number): void {
    this.buffer.write(text, this.offset, length, 'utf8');
    this.offset += length;
  }
}

/** A feature's encoded body, for the size pass and the write pass. */
type Body = { kind: 'bytes'; text: string; length: number } | { kind: 'int64'; values: readonly number[]; length: number };

function bytesBody(text: string): Body {
  return { kind: 'bytes', text, length: Buffer.byteLength(text, 'utf8') };
}

function int64Body(values: readonly number[]): Body {
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`int64 feature value ${value} is outside 0..2^53`);
  }
  return { kind: 'int64', values, length: values.reduce((sum, value) => sum + varintSize(value), 0) };
}

/** Sizes: list = value entries; feature = list wrapped in its oneof field; entry = key + feature. */
function sizes(key: string, body: Body) {
  const list = body.kind === 'bytes' ? 1 + varintSize(body.length) + body.length : body.length === 0 ? 0 : 1 + varintSize(body.length) + body.length;
  const feature = 1 + varintSize(list) + list;
  const entry = 1 + varintSize(key.length) + key.length + 1 + varintSize(feature) + feature;
  return { list, feature, entry };
}

function writeEntry(writer: ByteWriter, key: string, body: Body): void {
  const size = sizes(key, body);
  writer.tag(1, LEN);
  writer.varint(size.entry);
  writer.tag(1, LEN);
  writer.varint(key.length);
  writer.bytes(key, key.length);
  writer.tag(2, LEN);
  writer.varint(size.feature);
  writer.tag(body.kind === 'bytes' ? 1 : 3, LEN);
  writer.varint(size.list);
  if (body.kind === 'bytes') {
    writer.tag(1, LEN);
    writer.varint(body.length);
    writer.bytes(body.text, body.length);
  } else if (body.length > 0) {
    writer.tag(1, LEN);
    writer.varint(body.length);
    for (const value of body.values) writer.varint(value);
  }
}

export function encodeLineRecord(record: LineRecord): Uint8Array {
  // Keys in sorted order, as TensorFlow's own serialisation of a map writes them.
  const entries: [string, Body][] = [
    ['entity', bytesBody(record.entity)],
    ['labels', int64Body(record.labels)],
    ['line', int64Body([record.line])],
    ['masked', bytesBody(record.masked)],
    ['source', bytesBody(record.source)],
    ['template', int64Body([record.template])],
    ['text', bytesBody(record.text)],
  ];
  if (record.ts !== null) entries.push(['ts', int64Body([record.ts])]);
  const entrySizes = entries.map(([key, body]) => sizes(key, body).entry);
  const total = entrySizes.reduce((sum, size) => sum + 1 + varintSize(size) + size, 0);
  const features = 1 + varintSize(total) + total;
  const writer = new ByteWriter(Buffer.allocUnsafe(features));
  writer.tag(1, LEN);
  writer.varint(total);
  for (const [key, body] of entries) writeEntry(writer, key, body);
  return writer.buffer;
}

const text = (feature: DecodedFeature | undefined) => Buffer.from(feature?.bytesList?.value?.[0] ?? new Uint8Array()).toString('utf8');
const ints = (feature: DecodedFeature | undefined) => (feature?.int64List?.value ?? []).map((value) => Number(typeof value === 'number' ? value : value.toString()));

export function decodeLineRecord(bytes: Uint8Array): LineRecord {
  const feature = decodeExample(bytes);
  return {
    source: text(feature.source),
    line: ints(feature.line)[0] ?? 0,
    ts: feature.ts ? (ints(feature.ts)[0] ?? null) : null,
    entity: text(feature.entity),
    text: text(feature.text),
    masked: text(feature.masked),
    template: ints(feature.template)[0] ?? 0,
    labels: ints(feature.labels),
  };
}
