// Parameters of the word embedders, named as fastText names them. Word2Vec is the same model
// without character n-grams (maxn 0).
import { z } from 'zod';

export const wordModelParamsSchema = z.strictObject({
  /** skipgram or cbow. */
  model: z.enum(['skipgram', 'cbow']),
  /** Vector size; 300 as the original tool used. */
  dim: z.number().int().min(2).max(1024),
  /** Context window (a random size 1..ws is used per word, as the reference tools do). */
  ws: z.number().int().min(1),
  epoch: z.number().int().min(1),
  /** Tokens seen fewer times are left out of the vocabulary (fastText: -minCount). */
  min_count: z.number().int().min(1),
  /** Negative samples per positive one. */
  neg: z.number().int().min(1),
  /** Starting learning rate, decayed linearly to zero. */
  lr: z.number().positive(),
  /** Sub-sampling threshold of frequent tokens. */
  t: z.number().positive(),
  /** Character n-gram lengths (fastText only; maxn 0 disables them). */
  minn: z.number().int().min(1),
  maxn: z.number().int().min(0),
  /** Hash buckets for n-grams (fastText only). */
  bucket: z.number().int().min(0),
  /** How a line vector is made from its token vectors. */
  line_vector: z.enum(['mean', 'sif']),
  /** SIF weight a / (a + p(token)). */
  sif_a: z.number().positive(),
  /** Training threads; null = the performance profile's workers (capped by the cores). One thread is deterministic. */
  threads: z.number().int().min(1).nullable(),
  /** Pre-trained vectors to use instead of training: a fastText .bin/.vec or word2vec binary/text file; null to train. */
  pretrained: z.string().nullable(),
});

export type WordModelParams = z.infer<typeof wordModelParamsSchema>;
