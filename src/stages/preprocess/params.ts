// The `preprocess` section of the configuration: reading limits, shards, entities, masking, Drain.
// Masking rules are compiled here as well, so a bad user pattern fails when the config loads.
import { z } from 'zod';
import { drainParamsSchema } from './drain/index.js';
import { compileMasker, maskingRuleSchema } from './masking/index.js';

export const preprocessSchema = z.strictObject({
  /** Lines longer than this many bytes are cut (and counted). */
  max_line_bytes: z.number().int().min(256),
  /** Year for syslog lines that carry none; null = the year of the file's modification time. */
  default_year: z.number().int().min(1970).max(9999).nullable(),
  /** Records per TFRecord shard. */
  records_per_shard: z.number().int().positive(),
  /** `file`: one entity per log file (its path); `field`: the user/host the line names, else the file. */
  entity: z.enum(['file', 'field']),
  /** Ordered masking rules; the first rule that matches a span wins. */
  masking: z.array(maskingRuleSchema),
  drain: drainParamsSchema,
});

export type PreprocessParams = z.infer<typeof preprocessSchema>;

/** Checks what zod cannot: that every masking pattern compiles and is safe. */
export function checkPreprocessParams(params: PreprocessParams): void {
  compileMasker(params.masking);
}
