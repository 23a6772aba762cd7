// Builds batch tensors lazily from windows: line vectors gathered through rows.u32 from vectors.f32,
// padding, which lines are masked, template targets and class targets. Memory is one batch at a time.
import type { CorpusColumns } from '../../io/corpus.js';
import { ownLines, type TransformerConfig } from '../../model/config.js';
import { rowsWhere } from '../../model/masked-prediction.js';
import type { TfModule } from '../../runtime/tf.js';
import { TIME_FEATURES, writeTimeFeatures } from './time-features.js';
import { windowLabels, type Window } from './windows.js';

export interface TrainInputs {
  readonly corpus: CorpusColumns;
  readonly vectors: Float32Array;
  readonly rows: Uint32Array;
  readonly dim: number;
  readonly session?: Uint32Array;
  /** Rarity of each vector row under the training split, for models that read it (see rarity.ts). */
  readonly rowRarity?: Float32Array;
}

export interface BatchArrays {
  readonly size: number;
  readonly vectors: Float32Array;
  readonly masked: Float32Array;
  readonly present: Float32Array;
  /** [size, window]: 1 at the window's own lines, 0 at context lines and padding. */
  readonly own: Float32Array;
  /** Per window, the position of its first own line (the model's context size). */
  readonly offsets: Int32Array;
  readonly templates: Int32Array;
  readonly labels: Float32Array;
  /** [size, window, classes]: each line's own classes (supervised training learns them too). */
  readonly lineLabels: Float32Array;
  /** [size, window, TIME_FEATURES] when the model reads time features. */
  readonly time: Float32Array | null;
  /** [size, window]: each line's rarity when the model reads it; 0 for a masked line, which it must not give away. */
  readonly rarity: Float32Array | null;
}

const NO_LINES = new Uint32Array(0);

/**
 * Where a window's lines sit, from position `first` on: its own lines always from position
 * `config.context` on, the context before them right-aligned in front (missing context is padding),
 * the context after them behind. Fixed places let the model tell own lines from context at the
 * edges of a split or a stream too.
 */
function placeLines(w: Window, config: TransformerConfig): { lines: Uint32Array; first: number; offset: number; own: number } {
  const own = Math.min(w.lines.length, ownLines(config));
  const context = config.context ?? 0;
  const before = context && w.context ? w.context.before.subarray(Math.max(0, w.context.before.length - context)) : NO_LINES;
  const after = context && w.context ? w.context.after.subarray(0, context) : NO_LINES;
  const lines = new Uint32Array(before.length + own + after.length);
  lines.set(before);
  lines.set(w.lines.subarray(0, own), before.length);
  lines.set(after, before.length + own);
  return { lines, first: context - before.length, offset: context, own };
}

/** `isMasked(b, i)` says whether own line i of window b is hidden (context lines never are). */
export function batchArrays(windows: readonly Window[], inputs: TrainInputs, config: TransformerConfig, isMasked: (b: number, i: number) => boolean): BatchArrays {
  const { window: length, inputDim } = config;
  const classes = Math.max(1, config.classes);
  const { labelOffsets, labelIds } = inputs.corpus;
  const size = windows.length;
  const vectors = new Float32Array(size * length * inputDim);
  const masked = new Float32Array(size * length);
  const present = new Float32Array(size * length);
  const own = new Float32Array(size * length);
  const offsets = new Int32Array(size);
  const templates = new Int32Array(size * length).fill(config.vocab - 1);
  const labels = new Float32Array(size * classes);
  const lineLabels = new Float32Array(size * length * classes);
  const time = config.timeFeatures ? new Float32Array(size * length * TIME_FEATURES) : null;
  const rarity = config.rarityInput ? new Float32Array(size * length) : null;
  const rowRarity = config.rarityInput ? requiredRowRarity(inputs) : null;
  windows.forEach((w, b) => {
    const placed = placeLines(w, config);
    offsets[b] = placed.offset;
    placed.lines.forEach((line, i) => {
      const position = placed.first + i;
      const at = b * length + position;
      const row = inputs.rows[line];
      vectors.set(inputs.vectors.subarray(row * inputDim, (row + 1) * inputDim), at * inputDim);
      present[at] = 1;
      const ownIndex = position - placed.offset;
      if (ownIndex >= 0 && ownIndex < placed.own) {
        own[at] = 1;
        masked[at] = isMasked(b, ownIndex) ? 1 : 0;
      }
      if (rarity && rowRarity && !masked[at]) rarity[at] = rowRarity[row];
      templates[at] = Math.min(inputs.corpus.template[line], config.vocab - 1);
      for (let k = labelOffsets[line]; k < labelOffsets[line + 1]; k++) lineLabels[at * classes + labelIds[k]] = 1;
    });
    if (time) writeTimeFeatures(inputs.corpus.ts, placed.lines, placed.lines.length, time, (b * length + placed.first) * TIME_FEATURES);
    for (const label of windowLabels(w, inputs.corpus)) labels[b * classes + label] = 1;
  });
  return { size, vectors, masked, present, own, offsets, templates, labels, lineLabels, time, rarity };
}

function requiredRowRarity(inputs: TrainInputs): Float32Array {
  if (!inputs.rowRarity) throw new Error('the model reads line rarity, but no rarity per row was given');
  return inputs.rowRarity;
}

export function batchTensors(tf: TfModule, arrays: BatchArrays, config: TransformerConfig) {
  const { size } = arrays;
  return {
    vectors: tf.tensor3d(arrays.vectors, [size, config.window, config.inputDim]),
    masked: tf.tensor2d(arrays.masked, [size, config.window]),
    /** Flat indexes of the masked lines that are present: the masked-line loss's positions. */
    maskedRows: rowsWhere(arrays.masked, arrays.present),
    present: tf.tensor2d(arrays.present, [size, config.window]),
    own: tf.tensor2d(arrays.own, [size, config.window]),
    templates: tf.tensor2d(arrays.templates, [size, config.window], 'int32'),
    labels: tf.tensor2d(arrays.labels, [size, Math.max(1, config.classes)]),
    lineLabels: tf.tensor3d(arrays.lineLabels, [size, config.window, Math.max(1, config.classes)]),
    ...(arrays.time ? { time: tf.tensor3d(arrays.time, [size, config.window, TIME_FEATURES]) } : {}),
    ...(arrays.rarity ? { rarity: tf.tensor2d(arrays.rarity, [size, config.window]) } : {}),
  };
}

/** Frees a batch's tensors; its masked rows are a plain array. */
export function disposeBatch(batch: ReturnType<typeof batchTensors>): void {
  const { maskedRows, ...tensors } = batch;
  Object.values(tensors).forEach((t) => t.dispose());
}
