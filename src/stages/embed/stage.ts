// The embedding stage, one per embedder (registered; its implementation lands separately).
import { notBuiltStage } from '../not-built.js';
import type { EmbedderName } from '../../pipeline/registry.js';

export const embedStage = (embedder: EmbedderName) => notBuiltStage(`embed-${embedder}`, `Embedding lines with ${embedder}`, ['preprocess']);
