// Writes an embedder's line vectors in the design's layout: vectors.f32, rows.u32, meta.json.
// The vectors are written before meta.json, so a reader never sees a meta.json without its data.
import fs from 'node:fs';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../../io/atomic-write.js';
import { embeddingFiles, littleEndianBytes, type EmbeddingMeta } from '../../io/vectors.js';

export function writeLineVectors(dir: string, vectors: Float32Array, rows: Uint32Array, meta: EmbeddingMeta): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files = embeddingFiles(dir);
  writeFileAtomicSync(files.vectors, littleEndianBytes(vectors));
  writeFileAtomicSync(files.rows, littleEndianBytes(rows));
  writeJsonAtomicSync(files.meta, meta);
  return [files.vectors, files.rows, files.meta];
}
