// Protobuf wire-format helpers for the hand-written tf.train.Example writer and reader:
// varints that are exact for integers up to 2^53 and for negative int64 (ten bytes).

/** Bytes a varint of `value` takes (value: a safe integer; negatives take ten). */
export function varintSize(value: number): number {
  if (value < 0) return 10;
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  let size = 4;
  let rest = Math.floor(value / 0x10000000);
  while (rest > 0) {
    size++;
    rest = Math.floor(rest / 0x80);
  }
  return size;
}

/** Writes `value` as a varint at `offset`; returns the offset after it. */
export function writeVarint(target: Uint8Array, offset: number, value: number): number {
  if (value < 0) return writeNegativeVarint(target, offset, value);
  while (value >= 0x80000000) {
    target[offset++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  while (value >= 0x80) {
    target[offset++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  target[offset++] = value;
  return offset;
}

/** Negative int64: two's complement over 64 bits, always ten bytes. */
function writeNegativeVarint(target: Uint8Array, offset: number, value: number): number {
  let bits = BigInt.asUintN(64, BigInt(value));
  for (let i = 0; i < 9; i++) {
    target[offset++] = Number(bits & 0x7fn) | 0x80;
    bits >>= 7n;
  }
  target[offset++] = Number(bits);
  return offset;
}

/**
 * A cursor over protobuf bytes; reading past `end` throws a RangeError. Nested messages are read by
 * narrowing `end` to the field's end and restoring it after, so one cursor serves a whole message.
 */
export class WireReader {
  offset: number;
  end: number;

  constructor(
    readonly bytes: Uint8Array,
    offset: number,
    end: number,
  ) {
    this.offset = offset;
    this.end = end;
  }

  done(): boolean {
    return this.offset >= this.end;
  }

  /** Reads a varint as an int64 number (exact within ±2^53). */
  varint(): number {
    const bytes = this.bytes;
    let low = 0;
    let high = 0;
    for (let i = 0; i < 10; i++) {
      if (this.offset >= this.end) throw new RangeError('varint runs past the end of its message');
      const byte = bytes[this.offset++];
      if (i < 4) low |= (byte & 0x7f) << (7 * i);
      else if (i === 4) {
        low |= (byte & 0x0f) << 28;
        high = (byte & 0x7f) >>> 4;
      } else high |= (byte & 0x7f) << (7 * i - 32);
      if (byte < 0x80) return combineInt64(low >>> 0, high >>> 0);
    }
    throw new RangeError('varint longer than ten bytes');
  }

  /** Reads a length prefix; leaves `offset` at the field's first byte and returns its end. */
  lengthDelimited(): number {
    const length = this.varint();
    const fieldEnd = this.offset + length;
    if (fieldEnd > this.end) throw new RangeError('length-delimited field runs past the end of its message');
    return fieldEnd;
  }

  /** Skips one field of `wireType` (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.offset = this.lengthDelimited();
    else if (wireType === 1 || wireType === 5) this.offset += wireType === 1 ? 8 : 4;
    else throw new RangeError(`unsupported wire type ${wireType}`);
    if (this.offset > this.end) throw new RangeError('field runs past the end of its message');
  }
}

/** Two's complement 64-bit (as two uint32 halves) to a number. */
function combineInt64(low: number, high: number): number {
  if (high < 0x80000000) return high * 0x100000000 + low;
  const negatedLow = (~low + 1) >>> 0;
  const negatedHigh = (~high + (negatedLow === 0 ? 1 : 0)) >>> 0;
  return -(negatedHigh * 0x100000000 + negatedLow);
}
