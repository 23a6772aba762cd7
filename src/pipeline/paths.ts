// Where every input and output of a log type lives under the data root (the design's layout).
// One place computes these paths so stages never spell them differently.
import path from 'node:path';

export interface DataPaths {
  readonly root: string;
  readonly logType: string;
  readonly logs: string;
  readonly labels: string;
  readonly processed: string;
  readonly embeddings: string;
  readonly models: string;
  readonly results: string;
  readonly checkpoints: string;
  embedder(name: string): string;
  model(embedder: string): string;
  checkpoint(stage: string): string;
  /** A folder for a stage's large resumable state (weights, miner state), beside its checkpoint. */
  stageState(stage: string): string;
  readonly lock: string;
  readonly pipelineLog: string;
}

export function dataPaths(root: string, logType: string): DataPaths {
  const at = (...parts: string[]) => path.join(path.resolve(root), ...parts);
  return Object.freeze({
    root: path.resolve(root),
    logType,
    logs: at('logs', logType),
    labels: at('labels', logType),
    processed: at('processed', logType),
    embeddings: at('embeddings', logType),
    models: at('models', logType),
    results: at('results', logType),
    checkpoints: at('checkpoints', logType),
    embedder: (name: string) => at('embeddings', logType, name),
    model: (embedder: string) => at('models', logType, embedder),
    checkpoint: (stage: string) => at('checkpoints', logType, `${stage}.json`),
    stageState: (stage: string) => at('checkpoints', logType, `${stage}.state`),
    lock: at('checkpoints', logType, 'run.lock'),
    pipelineLog: at('pipeline.log'),
  });
}
