// The sample command: writes a synthetic labelled data set.
import { PipelineError } from '../pipeline/errors.js';

export async function sampleCommand(options: { log_type: string }): Promise<number> {
  throw new PipelineError('unsupported', `the ${options.log_type} sample generator is not built yet in this version`);
}
