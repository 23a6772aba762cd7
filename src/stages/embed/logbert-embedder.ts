// The LogBERT embedding stage (its model lands separately).
import type { DistinctLines } from '../../io/corpus.js';
import { PipelineError } from '../../pipeline/errors.js';
import type { StageRun } from '../../pipeline/stage.js';
import type { EmbedResult } from './word-embedder.js';

export async function embedWithLogBert(run: StageRun, distinct: DistinctLines, dir: string): Promise<EmbedResult> {
  void run;
  void distinct;
  void dir;
  throw new PipelineError('unsupported', 'the logbert embedder is not built yet in this version');
}
