// tf.train.Example bytes -> LineRecord, hand-written over the wire format with one cursor and no
// per-field allocations (features in any order, unknown ones ignored); malformed -> PipelineError('input').
import { PipelineError } from '../../pipeline/errors.js';
import type { LineRecord } from './line-record.js';
import { WireReader } from './protobuf-wire.js';

/** Feature ids; the first four are bytes features, the rest int64. */
const SOURCE = 0, ENTITY = 1, TEXT = 2, MASKED = 3, LINE = 4, TEMPLATE = 5, TS = 6, LABELS = 7;
const NAMES = ['source', 'entity', 'text', 'masked', 'line', 'template', 'ts', 'labels'];
const NAME_BYTES = NAMES.map((name) => Buffer.from(name, 'ascii'));
const REQUIRED = [SOURCE, LINE, ENTITY, TEXT, MASKED, TEMPLATE, LABELS];

/** Buffer's own UTF-8 reader (undocumented, long present) skips `toString`'s argument handling. */
interface Utf8Sliceable {
  utf8Slice(start: number, end: number): string;
}
const hasUtf8Slice = typeof (Buffer.prototype as unknown as Partial<Utf8Sliceable>).utf8Slice === 'function';

function readUtf8(buffer: Buffer, start: number, end: number): string {
  return hasUtf8Slice ? (buffer as unknown as Utf8Sliceable).utf8Slice(start, end) : buffer.toString('utf8', start, end);
}

/** What one Example held, filled feature by feature. */
class Collected {
  readonly strings: Array<string | null> = [null, null, null, null];
  readonly int64s: Array<number[] | null> = [null, null, null, null, null, null, null, null];
}

/** Decodes the Example bytes of one line (as written by `encodeLineRecord` or by TensorFlow). */
export function decodeLineRecord(bytes: Uint8Array): LineRecord {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const collected = new Collected();
  try {
    readExample(new WireReader(buffer, 0, buffer.length), collected);
  } catch (error) {
    if (error instanceof RangeError) throw new PipelineError('input', `tf.train.Example is malformed (${error.message})`);
    throw error;
  }
  return toLineRecord(collected);
}

/** Runs `read` with the cursor narrowed to [offset, fieldEnd), then continues after the field. */
function within(reader: WireReader, fieldEnd: number, read: () => void): void {
  const outerEnd = reader.end;
  reader.end = fieldEnd;
  read();
  reader.offset = fieldEnd;
  reader.end = outerEnd;
}

function readExample(reader: WireReader, collected: Collected): void {
  while (!reader.done()) {
    const tag = reader.varint();
    if (tag !== 0x0a) reader.skip(tag & 7);
    else within(reader, reader.lengthDelimited(), () => readFeatures(reader, collected));
  }
}

function readFeatures(reader: WireReader, collected: Collected): void {
  while (!reader.done()) {
    const tag = reader.varint();
    if (tag !== 0x0a) reader.skip(tag & 7);
    else within(reader, reader.lengthDelimited(), () => readEntry(reader, collected));
  }
}

/** One map<string, Feature> entry: key (field 1) and value (field 2), in either order. */
function readEntry(reader: WireReader, collected: Collected): void {
  const entryEnd = reader.end;
  let id = -1;
  let valueStart = -1;
  let valueEnd = -1;
  while (!reader.done()) {
    const tag = reader.varint();
    if (tag === 0x0a) {
      const keyEnd = reader.lengthDelimited();
      id = featureId(reader.bytes, reader.offset, keyEnd);
      reader.offset = keyEnd;
    } else if (tag === 0x12) {
      valueEnd = reader.lengthDelimited();
      valueStart = reader.offset;
      reader.offset = valueEnd;
    } else reader.skip(tag & 7);
  }
  if (id < 0) return;
  reader.offset = valueStart < 0 ? entryEnd : valueStart;
  reader.end = valueStart < 0 ? entryEnd : valueEnd;
  readFeature(reader, id, collected);
}

/** The id of the feature named by bytes [start, end), or -1 for a feature this record does not use. */
function featureId(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  for (let id = 0; id < NAME_BYTES.length; id++) {
    const name = NAME_BYTES[id];
    if (name.length !== length) continue;
    let same = true;
    for (let i = 0; i < length && same; i++) same = bytes[start + i] === name[i];
    if (same) return id;
  }
  return -1;
}

/** Finds the Feature's bytes_list (field 1) or int64_list (field 3) and reads it. */
function readFeature(reader: WireReader, id: number, collected: Collected): void {
  const wanted = id < LINE ? 0x0a : 0x1a;
  let found = false;
  while (!reader.done()) {
    const tag = reader.varint();
    if (tag === wanted) {
      found = true;
      const listEnd = reader.lengthDelimited();
      if (id < LINE) within(reader, listEnd, () => (collected.strings[id] = readFirstBytes(reader, id)));
      else within(reader, listEnd, () => (collected.int64s[id] = readInt64s(reader)));
    } else if (tag >>> 3 >= 1 && tag >>> 3 <= 3) throw wrongKind(id);
    else reader.skip(tag & 7);
  }
  if (!found) throw wrongKind(id);
}

function wrongKind(id: number): PipelineError {
  return new PipelineError('input', `tf.train.Example feature "${NAMES[id]}" is not a ${id < LINE ? 'bytes_list' : 'int64_list'}`);
}

function readFirstBytes(reader: WireReader, id: number): string {
  while (!reader.done()) {
    const tag = reader.varint();
    if (tag !== 0x0a) {
      reader.skip(tag & 7);
      continue;
    }
    const valueEnd = reader.lengthDelimited();
    return readUtf8(reader.bytes as Buffer, reader.offset, valueEnd);
  }
  throw new PipelineError('input', `tf.train.Example feature "${NAMES[id]}" has no value`);
}

/** Int64List values, packed (wire type 2) or not (wire type 0), as TensorFlow accepts both. */
function readInt64s(reader: WireReader): number[] {
  const values: number[] = [];
  while (!reader.done()) {
    const tag = reader.varint();
    if (tag === 0x08) values.push(reader.varint());
    else if (tag === 0x0a) {
      within(reader, reader.lengthDelimited(), () => {
        while (!reader.done()) values.push(reader.varint());
      });
    } else reader.skip(tag & 7);
  }
  return values;
}

function toLineRecord({ strings, int64s }: Collected): LineRecord {
  for (const id of REQUIRED) {
    if ((id < LINE ? strings[id] : int64s[id]) === null) {
      throw new PipelineError('input', `tf.train.Example has no "${NAMES[id]}" feature`);
    }
  }
  return {
    source: strings[SOURCE] as string,
    line: single(int64s, LINE),
    ts: int64s[TS] === null ? null : single(int64s, TS),
    entity: strings[ENTITY] as string,
    text: strings[TEXT] as string,
    masked: strings[MASKED] as string,
    template: single(int64s, TEMPLATE),
    labels: int64s[LABELS] as number[],
  };
}

function single(int64s: Array<number[] | null>, id: number): number {
  const values = int64s[id] as number[];
  if (values.length !== 1) {
    throw new PipelineError('input', `tf.train.Example feature "${NAMES[id]}" has ${values.length} values, expected 1`);
  }
  return values[0];
}
