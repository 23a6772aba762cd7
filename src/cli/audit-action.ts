// The data audit command (validate, --check_only): reads logs and labels, writes nothing.
import type { DataOptions } from './options.js';
import { PipelineError } from '../pipeline/errors.js';

export async function auditAction(options: DataOptions & { json?: boolean }): Promise<number> {
  void options;
  throw new PipelineError('unsupported', 'the data audit is not built yet in this version');
}
