// Line rarity under the training distribution: -log of a distinct line's share among the training
// windows' lines (add-half smoothing), scaled to [0, 1] by the rarity of a never-seen line. Sequence
// models miss anomalies that repeat (a brute force is very predictable once it has started); rarity
// catches lines that normal traffic hardly ever shows.

export interface RarityTable {
  readonly total: number;
  /** Occurrences of each distinct line (by vector row) in the training windows. */
  readonly counts: Map<number, number>;
}

export function rarityTable(windows: readonly { lines: Uint32Array }[], rows: Uint32Array): RarityTable {
  const counts = new Map<number, number>();
  let total = 0;
  for (const window of windows) {
    for (const line of window.lines) {
      counts.set(rows[line], (counts.get(rows[line]) ?? 0) + 1);
      total++;
    }
  }
  return { total, counts };
}

export function rarityOf(count: number, total: number): number {
  return Math.min(1, -Math.log((count + 0.5) / (total + 1)) / Math.log(2 * (total + 1)));
}

/** Rarity per vector row (rows never seen in training get the rarity of a count of zero). */
export function rarityByRow(table: RarityTable, rowCount: number): Float32Array {
  const rarity = new Float32Array(rowCount).fill(rarityOf(0, table.total));
  for (const [row, count] of table.counts) rarity[row] = rarityOf(count, table.total);
  return rarity;
}
