// The time context of each line in a window, given to the transformer beside its line vector: how
// long after the window's previous line it came (log scale, so floods and bursts show as runs of
// tiny gaps and a quiet hour as one long one) and its time of day (activity at night), plus whether
// the line had a time at all. Lines without a time get zeros.
export const TIME_FEATURES = 4;

const LOG_DAY_SECONDS = Math.log1p(86400);
const HOUR_MS = 3600000;

/** Writes the features of the first `count` of `lines` (corpus indexes into `ts`) at `out[offset...]`. */
export function writeTimeFeatures(ts: Float64Array, lines: ArrayLike<number>, count: number, out: Float32Array, offset: number): void {
  for (let i = 0; i < count; i++) {
    const time = ts[lines[i]];
    if (!Number.isFinite(time)) continue;
    const previous = i > 0 ? ts[lines[i - 1]] : Number.NaN;
    const gapSeconds = Number.isFinite(previous) ? Math.max(0, time - previous) / 1000 : 0;
    const angle = (2 * Math.PI * ((((time / HOUR_MS) % 24) + 24) % 24)) / 24;
    const at = offset + i * TIME_FEATURES;
    out[at] = 1;
    out[at + 1] = Math.min(1, Math.log1p(gapSeconds) / LOG_DAY_SECONDS);
    out[at + 2] = Math.sin(angle);
    out[at + 3] = Math.cos(angle);
  }
}
