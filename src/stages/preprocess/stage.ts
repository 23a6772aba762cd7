// The preprocess stage (registered; its implementation lands separately).
import { notBuiltStage } from '../not-built.js';

export const preprocessStage = notBuiltStage('preprocess', 'Preprocessing: masking, templates, TFRecord shards');
