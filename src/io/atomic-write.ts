// Atomic file writes: temp file in the same folder, fsync, rename, fsync of the folder.
// A reader (or a resumed run) therefore sees the old file or the new one, never half of one.
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  writeChunksAtomicSync(file, [data]);
}

/** Writes the chunks one after another, atomically as writeFileAtomicSync: for outputs too big to build whole. */
export function writeChunksAtomicSync(file: string, chunks: Iterable<string | Uint8Array>): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    for (const chunk of chunks) fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncFolder(dir);
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  writeFileAtomicSync(file, data);
}

export function writeJsonAtomicSync(file: string, value: unknown): void {
  writeFileAtomicSync(file, JSON.stringify(value, null, 2) + '\n');
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on folders; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
