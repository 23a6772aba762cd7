// The training stage, one per embedder (registered; its implementation lands separately).
import { notBuiltStage } from '../not-built.js';
import type { EmbedderName } from '../../pipeline/registry.js';

export const trainStage = (embedder: EmbedderName) => notBuiltStage(`train-${embedder}`, `Training the anomaly model on ${embedder} vectors`, ['preprocess', `embed-${embedder}`]);
