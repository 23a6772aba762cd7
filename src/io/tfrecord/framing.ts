// TFRecord framing of one record: uint64 LE length, masked CRC32C of the length bytes, the data,
// masked CRC32C of the data.
import { maskedCrc32c } from './crc32c.js';

export const FRAME_OVERHEAD = 16;

/** Writes the frame of `data` into `target` at `offset`; returns the offset after it. */
export function writeFrame(data: Uint8Array, target: Buffer, offset: number): number {
  const header = target.subarray(offset, offset + 8);
  target.writeUInt32LE(data.length >>> 0, offset);
  target.writeUInt32LE(Math.floor(data.length / 2 ** 32), offset + 4);
  target.writeUInt32LE(maskedCrc32c(header), offset + 8);
  target.set(data, offset + 12);
  target.writeUInt32LE(maskedCrc32c(data), offset + 12 + data.length);
  return offset + FRAME_OVERHEAD + data.length;
}
