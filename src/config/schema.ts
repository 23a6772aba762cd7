// The configuration's shape, validated with zod: config/default.json plus a user overlay.
// Every object is strict, so a misspelt key is an error that names its path.
import { z } from 'zod';
import { logBertParamsSchema } from '../embedders/logbert/params.js';
import { wordModelParamsSchema } from '../embedders/shared/params.js';
import { modelSchema, splitSchema, windowsSchema } from '../stages/train/params.js';
import { preprocessSchema } from '../stages/preprocess/params.js';

const positiveInt = z.number().int().positive();
const fraction = z.number().min(0).max(1);

const profile = z.strictObject({ batch_size: positiveInt, workers: positiveInt, clear_every: positiveInt });

export const performanceSchema = z.strictObject({
  /** Line counts that separate the small / medium / large / xlarge profiles. */
  dataset_size: z.strictObject({ small: positiveInt, medium: positiveInt, large: positiveInt }),
  profiles: z.strictObject({ small: profile, medium: profile, large: profile, xlarge: profile }),
  /** Fixed values that win over the automatic profile. */
  overrides: z.strictObject({
    batch_size: positiveInt.nullable(),
    workers: positiveInt.nullable(),
    clear_every: positiveInt.nullable(),
  }),
  /** Memory one batch item may need, to cap the batch size by free memory. */
  bytes_per_batch_item: positiveInt,
});

export const checkpointSchema = z.strictObject({
  /** A stage checkpoints at least this often, as a fraction of its work. */
  every_fraction: z.number().gt(0).max(0.05),
  /** And no more often than this (ms), unless a stage forces it. */
  min_interval_ms: z.number().int().min(0),
});

export const configSchema = z.strictObject({
  /** Seed of every random choice (sampling, initial weights, splits): the same seed, the same results. */
  seed: z.number().int().min(0),
  performance: performanceSchema,
  checkpoint: checkpointSchema,
  preprocess: preprocessSchema,
  embeddings: z.strictObject({
    fasttext: wordModelParamsSchema,
    word2vec: wordModelParamsSchema,
    logbert: logBertParamsSchema,
  }),
  windows: windowsSchema,
  split: splitSchema,
  model: modelSchema,
  evaluate: z.strictObject({}).passthrough(),
});

export type Config = z.infer<typeof configSchema>;
export type PerformanceProfile = z.infer<typeof profile>;
export { fraction, positiveInt };
