// CRC32C (Castagnoli) for TFRecord framing: the native @node-rs/crc32 where it loads,
// otherwise a table-driven TypeScript version (slicing by 8), and TFRecord's masked form.
import { createRequire } from 'node:module';

type Crc = (bytes: Uint8Array) => number;

const POLY = 0x82f63b78;
const TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ POLY : crc >>> 1;
    tables[0][i] = crc >>> 0;
  }
  for (let i = 0; i < 256; i++) for (let t = 1; t < 8; t++) tables[t][i] = (tables[t - 1][i] >>> 8) ^ tables[0][tables[t - 1][i] & 0xff];
  return tables;
})();

export function crc32cPortable(bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let crc = 0xffffffff;
  let i = 0;
  const end8 = bytes.length - (bytes.length % 8);
  for (; i < end8; i += 8) {
    const a = crc ^ (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    crc = t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^ t3[bytes[i + 4]] ^ t2[bytes[i + 5]] ^ t1[bytes[i + 6]] ^ t0[bytes[i + 7]];
  }
  for (; i < bytes.length; i++) crc = t0[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function loadNative(): Crc | null {
  try {
    const native = createRequire(import.meta.url)('@node-rs/crc32') as { crc32c(input: Uint8Array, initial?: number): number };
    return (bytes) => native.crc32c(bytes) >>> 0;
  } catch {
    return null;
  }
}

const native = loadNative();

/** CRC32C of the bytes, by the fastest implementation available. */
export const crc32c: Crc = native ?? crc32cPortable;
export const crc32cImplementation = native ? 'native' : 'portable';

/** TFRecord's masked CRC: rotate right by 15 and add a constant, so CRCs of CRCs stay well distributed. */
export function maskedCrc32c(bytes: Uint8Array): number {
  const crc = crc32c(bytes);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}
