// Builds batch tensors lazily from windows: line vectors gathered through rows.u32 from vectors.f32,
// padding, which lines are masked, template targets and class targets. Memory is one batch at a time.
import type { CorpusColumns } from '../../io/corpus.js';
import type { TransformerConfig } from '../../model/config.js';
import type { TfModule } from '../../runtime/tf.js';
import { TIME_FEATURES, writeTimeFeatures } from './time-features.js';
import { windowLabels, type Window } from './windows.js';

export interface TrainInputs {
  readonly corpus: CorpusColumns;
  readonly vectors: Float32Array;
  readonly rows: Uint32Array;
  readonly dim: number;
  readonly session?: Uint32Array;
}

export interface BatchArrays {
  readonly size: number;
  readonly vectors: Float32Array;
  readonly masked: Float32Array;
  readonly present: Float32Array;
  readonly templates: Int32Array;
  readonly labels: Float32Array;
  /** [size, window, classes]: each line's own classes (supervised training learns them too). */
  readonly lineLabels: Float32Array;
  /** [size, window, TIME_FEATURES] when the model reads time features. */
  readonly time: Float32Array | null;
}

/** `isMasked(b, i)` says whether line i of window b is hidden. */
export function batchArrays(windows: readonly Window[], inputs: TrainInputs, config: TransformerConfig, isMasked: (b: number, i: number) => boolean): BatchArrays {
  const { window: length, inputDim } = config;
  const classes = Math.max(1, config.classes);
  const { labelOffsets, labelIds } = inputs.corpus;
  const size = windows.length;
  const vectors = new Float32Array(size * length * inputDim);
  const masked = new Float32Array(size * length);
  const present = new Float32Array(size * length);
  const templates = new Int32Array(size * length).fill(config.vocab - 1);
  const labels = new Float32Array(size * classes);
  const lineLabels = new Float32Array(size * length * classes);
  const time = config.timeFeatures ? new Float32Array(size * length * TIME_FEATURES) : null;
  windows.forEach((w, b) => {
    const count = Math.min(length, w.lines.length);
    for (let i = 0; i < count; i++) {
      const line = w.lines[i];
      const row = inputs.rows[line];
      vectors.set(inputs.vectors.subarray(row * inputDim, (row + 1) * inputDim), (b * length + i) * inputDim);
      present[b * length + i] = 1;
      masked[b * length + i] = isMasked(b, i) ? 1 : 0;
      templates[b * length + i] = Math.min(inputs.corpus.template[line], config.vocab - 1);
      for (let k = labelOffsets[line]; k < labelOffsets[line + 1]; k++) lineLabels[(b * length + i) * classes + labelIds[k]] = 1;
    }
    if (time) writeTimeFeatures(inputs.corpus.ts, w.lines, count, time, b * length * TIME_FEATURES);
    for (const label of windowLabels(w, inputs.corpus)) labels[b * classes + label] = 1;
  });
  return { size, vectors, masked, present, templates, labels, lineLabels, time };
}

export function batchTensors(tf: TfModule, arrays: BatchArrays, config: TransformerConfig) {
  const { size } = arrays;
  return {
    vectors: tf.tensor3d(arrays.vectors, [size, config.window, config.inputDim]),
    masked: tf.tensor2d(arrays.masked, [size, config.window]),
    present: tf.tensor2d(arrays.present, [size, config.window]),
    templates: tf.tensor2d(arrays.templates, [size, config.window], 'int32'),
    labels: tf.tensor2d(arrays.labels, [size, Math.max(1, config.classes)]),
    lineLabels: tf.tensor3d(arrays.lineLabels, [size, config.window, Math.max(1, config.classes)]),
    ...(arrays.time ? { time: tf.tensor3d(arrays.time, [size, config.window, TIME_FEATURES]) } : {}),
  };
}
