// A registered stage whose implementation has not landed yet: it says so plainly when run.
import { PipelineError } from '../pipeline/errors.js';
import type { Stage } from '../pipeline/stage.js';

export function notBuiltStage(name: string, title: string, after: readonly string[] = []): Stage {
  return {
    name,
    title,
    after,
    configSlice: () => null,
    inputFiles: async () => [],
    run: async () => {
      throw new PipelineError('unsupported', `the ${name} stage is not built yet in this version`);
    },
  };
}
