// The ordered stage registry: preprocess, embed (per embedder), train (per embedder), evaluate.
// Stage modules are imported lazily, so `--help` or `validate` never load TensorFlow.
import type { Stage } from './stage.js';
import { PipelineError } from './errors.js';

export const EMBEDDERS = Object.freeze(['fasttext', 'word2vec', 'logbert'] as const);
export type EmbedderName = (typeof EMBEDDERS)[number];

export const STAGE_KINDS = Object.freeze(['preprocess', 'embed', 'train', 'evaluate'] as const);

export function parseEmbedder(name: string): EmbedderName {
  if ((EMBEDDERS as readonly string[]).includes(name)) return name as EmbedderName;
  throw new PipelineError('usage', `unknown embedder "${name}"; valid embedders: ${EMBEDDERS.join(', ')}`);
}

export const stageFactories = Object.freeze({
  preprocess: async (): Promise<Stage> => (await import('../stages/preprocess/stage.js')).preprocessStage,
  embed: async (embedder: EmbedderName): Promise<Stage> => (await import('../stages/embed/stage.js')).embedStage(embedder),
  train: async (embedder: EmbedderName): Promise<Stage> => (await import('../stages/train/stage.js')).trainStage(embedder),
  evaluate: async (embedders: readonly EmbedderName[]): Promise<Stage> => {
    const [{ evaluateStage }, { corpusLineText }] = await Promise.all([import('../stages/evaluate/stage.js'), import('../io/corpus.js')]);
    return evaluateStage(embedders, { lineText: (context) => (indices) => corpusLineText(context.paths.processed, indices) });
  },
});

/** Every stage of a full run, in order. */
export async function pipelineStages(embedders: readonly EmbedderName[]): Promise<Stage[]> {
  return [
    await stageFactories.preprocess(),
    ...(await Promise.all(embedders.map((name) => stageFactories.embed(name)))),
    ...(await Promise.all(embedders.map((name) => stageFactories.train(name)))),
    await stageFactories.evaluate(embedders),
  ];
}
