// Reads the "evaluate" config section over the defaults and validates it; a bad value is a
// config error naming the field.
import { deepMerge } from '../../config/load.js';
import { PipelineError } from '../../pipeline/errors.js';
import { DEFAULT_EVALUATE_PARAMS, evaluateParamsSchema, type EvaluateParams } from './params.js';

type Json = Parameters<typeof deepMerge>[0];

export function evaluateParams(section: unknown): EvaluateParams {
  const merged = deepMerge(DEFAULT_EVALUATE_PARAMS as unknown as Json, (section ?? {}) as Json);
  const parsed = evaluateParamsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = ['evaluate', ...issue.path.map(String)].join('.');
  throw new PipelineError('config', `configuration field ${field}: ${issue.message}; fix it in the --config file`);
}
