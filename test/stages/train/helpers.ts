// A tiny synthetic corpus for training tests: entities with a repeating template cycle and a
// labelled burst (lines a second apart, against a minute elsewhere), 8-dimensional line vectors
// (one per template).
import type { CorpusColumns } from '../../../src/io/corpus.js';
import type { TrainInputs } from '../../../src/stages/train/batches.js';
import type { TrainParams } from '../../../src/stages/train/params.js';

export function tinyInputs(linesPerEntity = 120, entities = 2): TrainInputs {
  const lines = linesPerEntity * entities;
  const template = new Uint32Array(lines);
  const entity = new Uint32Array(lines);
  const labelOffsets = new Uint32Array(lines + 1);
  const labelIds: number[] = [];
  const ts = new Float64Array(lines);
  for (let i = 0; i < lines; i++) {
    const local = i % linesPerEntity;
    entity[i] = Math.floor(i / linesPerEntity);
    const burst = local >= 90 && local < 96;
    template[i] = burst ? 5 : local % 4;
    ts[i] = i === 0 || local === 0 ? Date.UTC(2026, 0, 5, 9) : ts[i - 1] + (burst ? 1000 : 60000);
    if (burst) labelIds.push(0);
    labelOffsets[i + 1] = labelIds.length;
  }
  const corpus: CorpusColumns = { lines, entity, entityNames: Array.from({ length: entities }, (_, e) => `e${e}`), ts, template, templateCount: 6, labelOffsets, labelIds: Uint16Array.from(labelIds), classes: ['burst'] };
  const vectors = new Float32Array(6 * 8);
  for (let t = 0; t < 6; t++) vectors[t * 8 + t] = 1;
  return { corpus, vectors, rows: template, dim: 8 };
}

export function tinyParams(overrides: Partial<TrainParams['model']> = {}): TrainParams {
  return {
    windows: { mode: 'count', size: 8, stride: 4, train_stride: 4, time_span: '5m', session_key: null, context: 0 },
    split: { method: 'chronological', train: 0.6, validation: 0.2 },
    model: { supervision: 'none', d_model: 16, layers: 1, heads: 2, ff: 16, mask_ratio: 0.3, top_g: 2, hypersphere_weight: 0.1, time_features: true, rarity_input: false, rarity_weight: null, learning_rate: 0.01, ema_decay: 0, epochs: 3, patience: 5, batch_size: 8, max_train_windows: null, train_on: 'normal', tune: false, ...overrides },
    batchSize: 8,
    clearEvery: 10,
    optimizeThresholds: false,
    seed: 3,
  };
}
