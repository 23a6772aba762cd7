// The automatic performance profile: batch size, workers and clear frequency by dataset size,
// overridable in config and capped by the cores and the free memory of this machine.
import os from 'node:os';
import type { Config, PerformanceProfile } from './schema.js';

export type SizeTier = 'small' | 'medium' | 'large' | 'xlarge';

export interface ResolvedProfile extends PerformanceProfile {
  readonly tier: SizeTier;
  /** Why a value differs from the table, for the report. */
  readonly notes: readonly string[];
}

export function sizeTier(lines: number, sizes: Config['performance']['dataset_size']): SizeTier {
  if (lines < sizes.small) return 'small';
  if (lines < sizes.medium) return 'medium';
  if (lines < sizes.large) return 'large';
  return 'xlarge';
}

export interface MachineFacts {
  readonly cores: number;
  readonly freeBytes: number;
}

export function thisMachine(): MachineFacts {
  return { cores: os.availableParallelism(), freeBytes: os.freemem() };
}

export function resolveProfile(lines: number, performance: Config['performance'], machine: MachineFacts = thisMachine()): ResolvedProfile {
  const tier = sizeTier(lines, performance.dataset_size);
  const table = performance.profiles[tier];
  const notes: string[] = [];
  const { overrides } = performance;
  let workers = overrides.workers ?? table.workers;
  if (workers > machine.cores) {
    notes.push(`workers capped from ${workers} to ${machine.cores} cores`);
    workers = machine.cores;
  }
  let batchSize = overrides.batch_size ?? table.batch_size;
  // Keep a quarter of the free memory for everything that is not a batch.
  const affordable = Math.max(1, Math.floor((machine.freeBytes * 0.75) / performance.bytes_per_batch_item));
  if (batchSize > affordable) {
    notes.push(`batch size capped from ${batchSize} to ${affordable} by free memory`);
    batchSize = affordable;
  }
  return { tier, batch_size: batchSize, workers, clear_every: overrides.clear_every ?? table.clear_every, notes };
}
