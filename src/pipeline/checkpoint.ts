// Checkpoint files: checkpoints/{type}/{stage}.json, validated on read, written atomically.
// A file that does not parse is reported and treated as absent, so the stage restarts.
import fs from 'node:fs';
import { z } from 'zod';
import { writeJsonAtomicSync } from '../io/atomic-write.js';
import { logger } from '../runtime/logger.js';

export const CHECKPOINT_SCHEMA = 1;

const outputSchema = z.strictObject({ path: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const checkpointSchema = z.strictObject({
  schema: z.literal(CHECKPOINT_SCHEMA),
  stage: z.string(),
  status: z.enum(['running', 'done']),
  config_hash: z.string(),
  input_hash: z.string(),
  progress: z.number().min(0).max(1),
  cursor: z.unknown(),
  outputs: z.array(outputSchema),
  summary: z.record(z.string(), z.unknown()).optional(),
  updated_at: z.string(),
});

export type Checkpoint = z.infer<typeof checkpointSchema>;
export type OutputDigest = z.infer<typeof outputSchema>;

/** The checkpoint at `file`, or null when there is none or it is unreadable (with a warning). */
export function readCheckpoint(file: string): Checkpoint | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    return checkpointSchema.parse(JSON.parse(text));
  } catch {
    logger().warn({ file }, 'checkpoint is corrupted; its stage restarts from the beginning');
    return null;
  }
}

export function writeCheckpoint(file: string, checkpoint: Omit<Checkpoint, 'schema' | 'updated_at'>): void {
  writeJsonAtomicSync(file, { schema: CHECKPOINT_SCHEMA, ...checkpoint, updated_at: new Date().toISOString() });
}
