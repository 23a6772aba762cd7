// The anomaly transformer's shape: everything needed to rebuild it, saved in models/.../config.json.

export interface TransformerConfig {
  /** Size of the line vectors it reads. */
  readonly inputDim: number;
  readonly dModel: number;
  readonly layers: number;
  readonly heads: number;
  readonly ff: number;
  /** Lines per window (shorter windows are padded). */
  readonly window: number;
  /** Template ids predicted for masked lines: templates + 1 for "unknown". */
  readonly vocab: number;
  readonly classes: number;
  /** Time features per line (gap, time of day; see stages/train/time-features.ts); absent or 0 = none. */
  readonly timeFeatures?: number;
}
