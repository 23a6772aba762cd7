// LineRecord -> tf.train.Example bytes, hand-written protobuf wire format for this fixed message
// (protobufjs reflection is about 4x slower); tests check the bytes against protobufjs and Python.
import type { LineRecord } from './line-record.js';
import { varintSize, writeVarint } from './protobuf-wire.js';

const TAG_FIELD_1_BYTES = 0x0a; // field 1, length-delimited: Example.features, Features.feature, entry key, BytesList.value
const TAG_ENTRY_VALUE = 0x12; // field 2, length-delimited: map entry value
const TAG_INT64_LIST = 0x1a; // field 3, length-delimited: Feature.int64_list

/** Feature names as ASCII bytes; `encode` writes them in sorted order so the bytes are deterministic. */
const KEY_ENTITY = Buffer.from('entity');
const KEY_LABELS = Buffer.from('labels');
const KEY_LINE = Buffer.from('line');
const KEY_MASKED = Buffer.from('masked');
const KEY_SOURCE = Buffer.from('source');
const KEY_TEMPLATE = Buffer.from('template');
const KEY_TEXT = Buffer.from('text');
const KEY_TS = Buffer.from('ts');

/** Buffer's own UTF-8 writer (undocumented, present since Node 0.x) skips `write`'s argument juggling. */
interface Utf8Writable {
  utf8Write(text: string, offset: number, length: number): number;
}
const hasUtf8Write = typeof (Buffer.prototype as unknown as Partial<Utf8Writable>).utf8Write === 'function';

function writeUtf8(out: Buffer, text: string, offset: number, length: number): number {
  if (hasUtf8Write) return (out as unknown as Utf8Writable).utf8Write(text, offset, length);
  return out.write(text, offset, length, 'utf8');
}

/** Encodes LineRecords into a reused buffer; each result is valid until the next `encode`. */
export class LineRecordEncoder {
  private scratch = Buffer.allocUnsafe(4096);

  /** The Example bytes of `record`, as a view of the encoder's buffer (copy it to keep it). */
  encode(record: LineRecord): Uint8Array {
    const length = this.encodeToScratch(record);
    return new Uint8Array(this.scratch.buffer, this.scratch.byteOffset, length);
  }

  /** Encodes `record` into the start of `scratch` (grown as needed) and returns its length. */
  private encodeToScratch(record: LineRecord): number {
    checkIntegers(record);
    const sourceLength = Buffer.byteLength(record.source, 'utf8');
    const entityLength = Buffer.byteLength(record.entity, 'utf8');
    const textLength = Buffer.byteLength(record.text, 'utf8');
    const maskedLength = Buffer.byteLength(record.masked, 'utf8');
    const labelsPacked = packedSize(record.labels);
    let featuresSize =
      bytesEntrySize(KEY_ENTITY.length, entityLength) +
      entrySize(KEY_LABELS.length, int64FeatureSize(labelsPacked)) +
      entrySize(KEY_LINE.length, int64FeatureSize(varintSize(record.line))) +
      bytesEntrySize(KEY_MASKED.length, maskedLength) +
      bytesEntrySize(KEY_SOURCE.length, sourceLength) +
      entrySize(KEY_TEMPLATE.length, int64FeatureSize(varintSize(record.template))) +
      bytesEntrySize(KEY_TEXT.length, textLength);
    if (record.ts !== null) featuresSize += entrySize(KEY_TS.length, int64FeatureSize(varintSize(record.ts)));
    const total = 1 + varintSize(featuresSize) + featuresSize;
    if (this.scratch.length < total) this.scratch = Buffer.allocUnsafe(Math.max(total, this.scratch.length * 2));
    const out = this.scratch;
    out[0] = TAG_FIELD_1_BYTES;
    let offset = writeVarint(out, 1, featuresSize);
    offset = writeBytesEntry(out, offset, KEY_ENTITY, record.entity, entityLength);
    offset = writeInt64Head(out, offset, KEY_LABELS, labelsPacked);
    for (let i = 0; i < record.labels.length; i++) offset = writeVarint(out, offset, record.labels[i]);
    offset = writeInt64Entry(out, offset, KEY_LINE, record.line);
    offset = writeBytesEntry(out, offset, KEY_MASKED, record.masked, maskedLength);
    offset = writeBytesEntry(out, offset, KEY_SOURCE, record.source, sourceLength);
    offset = writeInt64Entry(out, offset, KEY_TEMPLATE, record.template);
    offset = writeBytesEntry(out, offset, KEY_TEXT, record.text, textLength);
    if (record.ts !== null) offset = writeInt64Entry(out, offset, KEY_TS, record.ts);
    return offset;
  }
}

function checkIntegers(record: LineRecord): void {
  let ok = Number.isSafeInteger(record.line) && Number.isSafeInteger(record.template);
  ok &&= record.ts === null || Number.isSafeInteger(record.ts);
  for (let i = 0; i < record.labels.length; i++) ok &&= Number.isSafeInteger(record.labels[i]);
  if (!ok) throw new TypeError(`LineRecord ${record.source}:${record.line} has a field that is not a safe integer`);
}

function packedSize(values: readonly number[]): number {
  let packed = 0;
  for (let i = 0; i < values.length; i++) packed += varintSize(values[i]);
  return packed;
}

/** Size of one Features map entry (tag, length, entry) whose value is a one-element BytesList. */
function bytesEntrySize(keyLength: number, valueLength: number): number {
  const bytesList = 1 + varintSize(valueLength) + valueLength;
  const feature = 1 + varintSize(bytesList) + bytesList;
  return entrySize(keyLength, feature);
}

/** Size of a Feature holding an Int64List whose packed values take `packed` bytes (none: empty list). */
function int64FeatureSize(packed: number): number {
  const int64List = packed === 0 ? 0 : 1 + varintSize(packed) + packed;
  return 1 + varintSize(int64List) + int64List;
}

function entrySize(keyLength: number, featureSize: number): number {
  const entry = 1 + varintSize(keyLength) + keyLength + 1 + varintSize(featureSize) + featureSize;
  return 1 + varintSize(entry) + entry;
}

/** Writes the map entry's framing and key, up to the start of the Feature's contents. */
function writeEntryHead(out: Buffer, offset: number, key: Buffer, featureSize: number): number {
  const entry = 1 + varintSize(key.length) + key.length + 1 + varintSize(featureSize) + featureSize;
  out[offset++] = TAG_FIELD_1_BYTES;
  offset = writeVarint(out, offset, entry);
  out[offset++] = TAG_FIELD_1_BYTES;
  offset = writeVarint(out, offset, key.length);
  for (let i = 0; i < key.length; i++) out[offset++] = key[i]; // keys are a few bytes: a loop beats copy()
  out[offset++] = TAG_ENTRY_VALUE;
  return writeVarint(out, offset, featureSize);
}

function writeBytesEntry(out: Buffer, offset: number, key: Buffer, value: string, valueLength: number): number {
  const bytesList = 1 + varintSize(valueLength) + valueLength;
  offset = writeEntryHead(out, offset, key, 1 + varintSize(bytesList) + bytesList);
  out[offset++] = TAG_FIELD_1_BYTES; // Feature.bytes_list
  offset = writeVarint(out, offset, bytesList);
  out[offset++] = TAG_FIELD_1_BYTES; // BytesList.value
  offset = writeVarint(out, offset, valueLength);
  return offset + writeUtf8(out, value, offset, valueLength);
}

/** Writes an Int64List entry up to its packed values, which the caller then writes. */
function writeInt64Head(out: Buffer, offset: number, key: Buffer, packed: number): number {
  offset = writeEntryHead(out, offset, key, int64FeatureSize(packed));
  const int64List = packed === 0 ? 0 : 1 + varintSize(packed) + packed;
  out[offset++] = TAG_INT64_LIST;
  offset = writeVarint(out, offset, int64List);
  if (packed === 0) return offset;
  out[offset++] = TAG_FIELD_1_BYTES; // Int64List.value, packed
  return writeVarint(out, offset, packed);
}

function writeInt64Entry(out: Buffer, offset: number, key: Buffer, value: number): number {
  offset = writeInt64Head(out, offset, key, varintSize(value));
  return writeVarint(out, offset, value);
}

const sharedEncoder = new LineRecordEncoder();

/** The tf.train.Example bytes of one line (a fresh copy; features in sorted key order). */
export function encodeLineRecord(record: LineRecord): Uint8Array {
  return sharedEncoder.encode(record).slice();
}

export { decodeLineRecord } from './example-decode.js';
