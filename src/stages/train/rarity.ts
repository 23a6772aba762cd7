// Line rarity under the training distribution: -log of a distinct line's share among the training
// windows' lines (add-half smoothing), scaled to [0, 1] by the rarity of a never-seen line. Sequence
// models miss anomalies that repeat (a brute force is very predictable once it has started); rarity
// catches lines that normal traffic hardly ever shows. The same for each step from one template to
// the next: a second login before the first session ends, or two disconnects in a row, are made of
// common lines in an order normal traffic never has, which masked-line prediction (top g) forgives.

interface Counts {
  readonly total: number;
  readonly counts: Map<number, number>;
}

export interface RarityTable extends Counts {
  /** Steps between consecutive lines of a training window, keyed previous template * vocab + next; null in models saved without them. */
  readonly transitions: (Counts & { readonly vocab: number }) | null;
}

/** Rarity of each step seen in training, keyed as `stepKey` keys them, and of a step never seen. */
export interface StepRarity {
  readonly vocab: number;
  readonly byStep: Map<number, number>;
  readonly unseen: number;
}

/** What scoring reads: rarity per vector row, and per step between templates. */
export interface LineRarity {
  readonly byRow: Float32Array;
  readonly transitions: StepRarity | null;
}

function count(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function rarityTable(windows: readonly { lines: Uint32Array }[], rows: Uint32Array, templates: Uint32Array, vocab: number): RarityTable {
  const counts = new Map<number, number>();
  const steps = new Map<number, number>();
  let total = 0;
  let stepTotal = 0;
  for (const window of windows) {
    window.lines.forEach((line, i) => {
      count(counts, rows[line]);
      total++;
      if (i === 0) return;
      count(steps, stepKey(templates[window.lines[i - 1]], templates[line], vocab));
      stepTotal++;
    });
  }
  // Windows of one line each (short time windows, say) leave no step to learn from.
  return { total, counts, transitions: stepTotal > 0 ? { vocab, total: stepTotal, counts: steps } : null };
}

/** Templates at or past the vocabulary's end (unseen in training) share its last id. */
export function stepKey(previous: number, next: number, vocab: number): number {
  return Math.min(previous, vocab - 1) * vocab + Math.min(next, vocab - 1);
}

export function rarityOf(count: number, total: number): number {
  return Math.min(1, -Math.log((count + 0.5) / (total + 1)) / Math.log(2 * (total + 1)));
}

/** Rarity per vector row (rows never seen in training get the rarity of a count of zero). */
export function rarityByRow(table: Counts, rowCount: number): Float32Array {
  const rarity = new Float32Array(rowCount).fill(rarityOf(0, table.total));
  for (const [row, count] of table.counts) rarity[row] = rarityOf(count, table.total);
  return rarity;
}

/** The table's step rarities, or null when it counted no steps. */
function stepRarities(table: RarityTable): StepRarity | null {
  const steps = table.transitions;
  if (!steps) return null;
  const byStep = new Map<number, number>();
  for (const [key, count] of steps.counts) byStep.set(key, rarityOf(count, steps.total));
  return { vocab: steps.vocab, byStep, unseen: rarityOf(0, steps.total) };
}

export function lineRarity(table: RarityTable, byRow: Float32Array): LineRarity {
  return { byRow, transitions: stepRarities(table) };
}

/** Line and step rarities by training vector row, worked out once for a saved model: what detection reads. */
export interface RowRarity extends LineRarity {
  /** The rarity of a line training never saw. */
  readonly unseenLine: number;
}

export function rowRarity(table: RarityTable): RowRarity {
  let rows = 0;
  for (const row of table.counts.keys()) rows = Math.max(rows, row + 1);
  return { ...lineRarity(table, rarityByRow(table, rows)), unseenLine: rarityOf(0, table.total) };
}

/** The rarities of new lines by their training rows (-1: a line training never saw). */
export function rarityOfKnownRows(rarity: RowRarity, knownRows: Int32Array): LineRarity {
  const byRow = Float32Array.from(knownRows, (row) => (row >= 0 && row < rarity.byRow.length ? rarity.byRow[row] : rarity.unseenLine));
  return { byRow, transitions: rarity.transitions };
}

/** The rarity of the step to line i of `lines` from the line before (0 for the first line, or without step counts). */
function stepRarityAt(rarity: LineRarity, lines: Uint32Array, templates: Uint32Array, i: number): number {
  const steps = rarity.transitions;
  if (!steps || i === 0) return 0;
  return steps.byStep.get(stepKey(templates[lines[i - 1]], templates[lines[i]], steps.vocab)) ?? steps.unseen;
}

/** The first `count` lines' rarities: of the line itself or of the step to it from the line before, whichever is rarer. */
export function lineRarities(rarity: LineRarity, lines: Uint32Array, rows: Uint32Array, templates: Uint32Array, count: number): Float32Array {
  return Float32Array.from(lines.subarray(0, count), (line, i) => Math.max(rarity.byRow[rows[line]], stepRarityAt(rarity, lines, templates, i)));
}

/** rarity.json as training writes it, counts sorted by key; models saved before steps were counted lack `transitions`. */
export interface SavedRarity {
  readonly total: number;
  readonly rows: [number, number][];
  readonly transitions?: { readonly vocab: number; readonly total: number; readonly steps: [number, number][] };
}

export function savedRarity(table: RarityTable): SavedRarity {
  const sorted = (counts: Map<number, number>) => [...counts].sort((a, b) => a[0] - b[0]);
  const steps = table.transitions;
  return { total: table.total, rows: sorted(table.counts), transitions: steps ? { vocab: steps.vocab, total: steps.total, steps: sorted(steps.counts) } : undefined };
}

export function rarityFromSaved(saved: SavedRarity): RarityTable {
  const steps = saved.transitions;
  return { total: saved.total, counts: new Map(saved.rows), transitions: steps ? { vocab: steps.vocab, total: steps.total, counts: new Map(steps.steps) } : null };
}
