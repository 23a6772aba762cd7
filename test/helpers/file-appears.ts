// Waiting for a file that another process makes, without hanging when that process ends first.
import fs from 'node:fs';

/** Resolves once `file` exists; rejects when `exited` settles first, i.e. the process ended without making it. */
export async function fileAppears(file: string, exited: Promise<unknown>): Promise<void> {
  let ended = false;
  void exited.then(() => (ended = true), () => (ended = true));
  while (!fs.existsSync(file)) {
    if (ended) throw new Error(`${file} never appeared: the process that makes it ended first`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
