// One run per log type at a time: a lock file holding the owner's pid, created exclusively.
// A lock left by a process that no longer exists is taken over with a warning.
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from './errors.js';
import { logger } from '../runtime/logger.js';

export interface RunLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}

function tryCreate(file: string): boolean {
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
      throw new PipelineError('io', `${file}: cannot create the run lock (${code}); make ${path.dirname(file)} writable`);
    }
    throw error;
  }
}

export function acquireLock(file: string, logType: string): RunLock {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file)) return { release: () => releaseIfOwned(file) };
    const owner = ownerOf(file);
    if (owner !== null && owner !== process.pid && processAlive(owner)) {
      throw new PipelineError('locked', `log type "${logType}" is being processed by another run (pid ${owner}, lock ${file}); wait for it to finish or stop it`);
    }
    logger().warn({ file, pid: owner }, 'taking over a stale lock left by a process that is gone');
    fs.rmSync(file, { force: true });
  }
  throw new PipelineError('locked', `${file}: could not take the run lock; remove the file if no run is active`);
}

function releaseIfOwned(file: string): void {
  if (ownerOf(file) === process.pid) fs.rmSync(file, { force: true });
}
