// Parameters of the LogBERT embedder: tokenizer, BERT size, masked-language-model training.
import { z } from 'zod';

export const logBertParamsSchema = z.strictObject({
  vocab_size: z.number().int().min(50),
  /** Tokens per line, [CLS] and [SEP] included. */
  max_tokens: z.number().int().min(8).max(512),
  hidden: z.number().int().min(8),
  layers: z.number().int().min(1).max(24),
  heads: z.number().int().min(1),
  ff: z.number().int().min(8),
  /** Share of tokens chosen for MLM (then 80% [MASK], 10% random, 10% unchanged). */
  mlm_probability: z.number().gt(0).lt(1),
  learning_rate: z.number().positive(),
  /** Share of steps with a linear warm-up, after which the rate decays linearly. */
  warmup: z.number().min(0).lt(1),
  steps: z.number().int().min(1),
  batch_size: z.number().int().min(1),
  /** Share of distinct lines held out to measure validation loss (early stopping). */
  validation_share: z.number().gt(0).lt(1),
  /** Validation checks without improvement before stopping. */
  patience: z.number().int().min(1),
  /** A Hugging Face model folder (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx) to use instead of training; null to train. */
  model_dir: z.string().nullable(),
});

export type LogBertParams = z.infer<typeof logBertParamsSchema>;
