// The synthetic sample generator: realistic logs of several users or hosts, with labels in the
// design's schema. Deterministic (same seed, same bytes) and streamed (memory flat in the line count).
import path from 'node:path';
import { Random } from '../runtime/random.js';
import { writeAuthHost } from './auth.js';
import { LogWriter } from './log-writer.js';
import { writeVpnUser } from './vpn.js';
import { writeWpSite } from './wp-error.js';

export const SAMPLE_TYPES = Object.freeze(['vpn', 'auth', 'wp-error'] as const);
export type SampleType = (typeof SAMPLE_TYPES)[number];

export interface SampleOptions {
  readonly logType: SampleType;
  readonly users: number;
  readonly lines: number;
  readonly seed: number;
  readonly outDir: string;
  /** Epoch ms of the first day; default 2026-11-02T00:00:00Z. */
  readonly startTime?: number;
}

export interface SampleSummary {
  readonly files: string[];
  readonly lines: number;
  readonly anomalousLines: number;
  readonly classCounts: Record<string, number>;
}

const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil'];
const DEFAULT_START = Date.UTC(2026, 10, 2);

function entityName(type: SampleType, index: number): string {
  const base = NAMES[index % NAMES.length] + (index >= NAMES.length ? String(Math.floor(index / NAMES.length)) : '');
  return type === 'vpn' ? base : type === 'auth' ? `host-${base}` : `site-${base}`;
}

export async function writeSample(options: SampleOptions): Promise<SampleSummary> {
  const summary = { files: [] as string[], lines: 0, anomalousLines: 0, classCounts: {} as Record<string, number> };
  for (let index = 0; index < options.users; index++) {
    const name = entityName(options.logType, index);
    const quota = Math.floor(options.lines / options.users) + (index < options.lines % options.users ? 1 : 0);
    const random = new Random((options.seed * 7919 + index * 104729) >>> 0);
    const file = path.join(options.outDir, 'logs', options.logType, `${name}.log`);
    const writer = new LogWriter(file, (options.startTime ?? DEFAULT_START) + random.int(0, 3600) * 1000, quota);
    if (options.logType === 'vpn') writeVpnUser(writer, random, name, index);
    else if (options.logType === 'auth') writeAuthHost(writer, random, name, index);
    else writeWpSite(writer, random, index);
    summary.anomalousLines += writer.close(path.join(options.outDir, 'labels', options.logType, `${name}.json`), `${name}.log`);
    summary.lines += writer.lines;
    summary.files.push(file);
    for (const [name2, count] of Object.entries(writer.classCounts)) summary.classCounts[name2] = (summary.classCounts[name2] ?? 0) + count;
  }
  return summary;
}
