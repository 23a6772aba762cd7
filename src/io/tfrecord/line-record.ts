// One log line as the preprocessing stage stores it: a tf.train.Example per line in the shards.
// Every later stage reads lines in this shape, in TFRecord order (the corpus index).

export interface LineRecord {
  /** Path of the source file relative to logs/{type}, with forward slashes. */
  readonly source: string;
  /** 1-based line number in the source file. */
  readonly line: number;
  /** Epoch milliseconds, or null when the line carries no time. */
  readonly ts: number | null;
  /** User, host or session the line belongs to. */
  readonly entity: string;
  /** The raw line (decoded, without its line break). */
  readonly text: string;
  /** The line after masking variables (`<IP>`, `<NUM>`...). */
  readonly masked: string;
  /** Template id mined by Drain. */
  readonly template: number;
  /** Class ids (indexes into meta.json's sorted class list); empty = normal. */
  readonly labels: readonly number[];
}
