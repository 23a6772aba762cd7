// When a synthetic file has its incidents: at fixed shares of its length, so every file has one in
// the training, validation and test parts of a chronological 60/20/20 split; the kind rotates with
// the file's index, so across files every kind lands in every part.

const POSITIONS = [0.12, 0.3, 0.48, 0.7, 0.9];

export class IncidentSchedule<K> {
  private done = 0;

  constructor(
    private readonly kinds: readonly K[],
    private readonly offset: number,
  ) {}

  /** The incident due now that `lines` of `quota` are written, if any. */
  due(lines: number, quota: number): K | null {
    if (this.done >= POSITIONS.length || lines < POSITIONS[this.done] * quota) return null;
    // Positions 3 and 4 (validation, test) take consecutive kinds after the training ones.
    return this.kinds[(this.offset + this.done++) % this.kinds.length];
  }
}
