// The evaluation stage (registered; its implementation lands separately).
import { notBuiltStage } from '../not-built.js';
import type { EmbedderName } from '../../pipeline/registry.js';

export const evaluateStage = (embedders: readonly EmbedderName[]) => notBuiltStage('evaluate', 'Evaluation and report', embedders.map((name) => `train-${name}`));
