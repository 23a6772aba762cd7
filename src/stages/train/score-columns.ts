// The scores of a list of windows, kept as typed columns: a few hundred bytes a window in a handful of
// buffers, where an object per window (with its views and arrays) costs several times its data.
// Validation and test splits of a large log hold tens of thousands of windows.

export interface ScoreColumns {
  readonly count: number;
  /** Floats per [CLS] vector, lines per window, classes. */
  readonly shape: { readonly dModel: number; readonly window: number; readonly classes: number };
  readonly score: Float64Array;
  /** Unsupervised: the model's part of the score (miss rate and distance to the centre), in [0, 1]. */
  readonly modelScore: Float64Array;
  /** Unsupervised: the rarity of the window's rarest lines; NaN without a rarity table. */
  readonly rarity: Float64Array;
  readonly distance: Float64Array;
  /** [count, dModel] */
  readonly cls: Float32Array;
  /** [count, classes] for supervised models, else null. */
  readonly classProbabilities: Float32Array | null;
  /** [count, window]: per line of each window, 1 - p(true template) when it was masked (or its rarity, if higher). */
  readonly lineScores: Float32Array;
}

/** One window's scores, as views into the columns. */
export interface WindowResult {
  readonly score: number;
  readonly cls: Float32Array;
  readonly classProbabilities: Float32Array | null;
  readonly lineScores: Float32Array;
}

export function emptyScoreColumns(count: number, shape: ScoreColumns['shape'], supervised: boolean): ScoreColumns {
  return {
    count,
    shape,
    score: new Float64Array(count),
    modelScore: new Float64Array(count),
    rarity: new Float64Array(count).fill(Number.NaN),
    distance: new Float64Array(count),
    cls: new Float32Array(count * shape.dModel),
    classProbabilities: supervised ? new Float32Array(count * shape.classes) : null,
    lineScores: new Float32Array(count * shape.window),
  };
}

export function windowResult(columns: ScoreColumns, w: number): WindowResult {
  const { dModel, window, classes } = columns.shape;
  return {
    score: columns.score[w],
    cls: columns.cls.subarray(w * dModel, (w + 1) * dModel),
    classProbabilities: columns.classProbabilities ? columns.classProbabilities.subarray(w * classes, (w + 1) * classes) : null,
    lineScores: columns.lineScores.subarray(w * window, (w + 1) * window),
  };
}

/** The rarity of window w, or null when there is none. */
export function rarityAt(columns: ScoreColumns, w: number): number | null {
  return Number.isNaN(columns.rarity[w]) ? null : columns.rarity[w];
}
