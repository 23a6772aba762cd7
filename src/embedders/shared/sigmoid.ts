// Precomputed sigmoid and log, as the reference tools use, for the training loop's hot path.
const SIZE = 512;
const MAX = 8;
const SIGMOID = Float32Array.from({ length: SIZE + 1 }, (_, i) => {
  const x = ((i * 2 * MAX) / SIZE) - MAX;
  return 1 / (1 + Math.exp(-x));
});

export function fastSigmoid(x: number): number {
  if (x < -MAX) return 0;
  if (x > MAX) return 1;
  return SIGMOID[Math.floor(((x + MAX) * SIZE) / MAX / 2)];
}
