// The anomaly transformer's shape: everything needed to rebuild it, saved in models/.../config.json.

export interface TransformerConfig {
  /** Size of the line vectors it reads. */
  readonly inputDim: number;
  readonly dModel: number;
  readonly layers: number;
  readonly heads: number;
  readonly ff: number;
  /** Positions per window: its own lines plus the context lines on both sides (shorter windows are padded). */
  readonly window: number;
  /** Context lines the model reads on each side of a window's own lines; absent or 0 = none. */
  readonly context?: number;
  /** Template ids predicted for masked lines: templates + 1 for "unknown". */
  readonly vocab: number;
  readonly classes: number;
  /** Time features per line (gap, time of day; see stages/train/time-features.ts); absent or 0 = none. */
  readonly timeFeatures?: number;
  /** Whether the model reads each line's rarity under the training split (see stages/train/rarity.ts); absent = no. */
  readonly rarityInput?: boolean;
}

/** How many of a window's positions hold its own lines. */
export function ownLines(config: TransformerConfig): number {
  return config.window - 2 * (config.context ?? 0);
}
