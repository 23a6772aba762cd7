// The embedding stage's outputs: vectors.f32 (one row per distinct masked line), rows.u32 (the
// row of every corpus line, in TFRecord order) and meta.json. Readers and writers for both files.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../pipeline/errors.js';

export interface EmbeddingMeta {
  readonly dim: number;
  /** Number of rows in vectors.f32 (distinct masked lines). */
  readonly rows: number;
  /** Number of corpus lines in rows.u32. */
  readonly lines: number;
  readonly method: string;
  readonly [key: string]: unknown;
}

export interface EmbeddingFiles {
  readonly vectors: string;
  readonly rows: string;
  readonly meta: string;
}

export function embeddingFiles(dir: string): EmbeddingFiles {
  return { vectors: path.join(dir, 'vectors.f32'), rows: path.join(dir, 'rows.u32'), meta: path.join(dir, 'meta.json') };
}

/** Little-endian bytes of a typed array (a copy only on big-endian hosts, which Node no longer ships for). */
export function littleEndianBytes(array: Float32Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export function readFloat32File(file: string): Float32Array {
  const bytes = readExisting(file);
  if (bytes.byteLength % 4 !== 0) throw new PipelineError('input', `${file}: size ${bytes.byteLength} is not a multiple of 4 bytes; rerun the embedding stage with --force_restart`);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

export function readUint32File(file: string): Uint32Array {
  const bytes = readExisting(file);
  if (bytes.byteLength % 4 !== 0) throw new PipelineError('input', `${file}: size ${bytes.byteLength} is not a multiple of 4 bytes; rerun the embedding stage with --force_restart`);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

export function readEmbeddingMeta(dir: string): EmbeddingMeta {
  const file = embeddingFiles(dir).meta;
  return JSON.parse(readExisting(file).toString('utf8')) as EmbeddingMeta;
}

/** Loads an embedder's outputs and checks that the three files agree. */
export function readEmbeddings(dir: string): { meta: EmbeddingMeta; vectors: Float32Array; rows: Uint32Array } {
  const files = embeddingFiles(dir);
  const meta = readEmbeddingMeta(dir);
  const vectors = readFloat32File(files.vectors);
  const rows = readUint32File(files.rows);
  if (vectors.length !== meta.rows * meta.dim) {
    throw new PipelineError('input', `${files.vectors}: holds ${vectors.length} floats, meta.json says ${meta.rows} rows x ${meta.dim}; rerun the embedding stage with --force_restart`);
  }
  if (rows.length !== meta.lines) {
    throw new PipelineError('input', `${files.rows}: holds ${rows.length} rows, meta.json says ${meta.lines} lines; rerun the embedding stage with --force_restart`);
  }
  return { meta, vectors, rows };
}

function readExisting(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PipelineError('missing_prerequisite', `${file} does not exist: run the embedding stage first (run-pipeline embed --embedding_type <name>)`);
    }
    throw error;
  }
}
