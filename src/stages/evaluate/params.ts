// Parameters of the evaluation stage (config section "evaluate"), validated with zod.
// The lead composes this schema into config/default.json; functions here take the parsed object.
import { z } from 'zod';

export const projectionParamsSchema = z.strictObject({
  /** 2-D projection of test windows' [CLS] vectors: UMAP (umap-js) or PCA. */
  method: z.enum(['umap', 'pca']),
  /** Below this many vectors UMAP is unreliable: PCA is used instead, and the chart says so. */
  min_points_umap: z.number().int().min(4),
  /** At most this many vectors are projected (an evenly spaced, deterministic sample). */
  max_points: z.number().int().min(10),
  /** UMAP neighbourhood size (capped below the number of points). */
  n_neighbors: z.number().int().min(2),
  /** UMAP minimum distance between embedded points. */
  min_dist: z.number().min(0).max(1),
  /** UMAP optimisation epochs. */
  n_epochs: z.number().int().min(10),
  /** Seed of the PRNG UMAP draws from, for identical charts on identical input. */
  seed: z.number().int(),
});

export const evaluateParamsSchema = z.strictObject({
  /** Choose F1-optimal thresholds on the validation split instead of the model's (also --optimize_thresholds). */
  optimize_thresholds: z.boolean(),
  /** How many of the highest-scoring test windows report.html lists, per embedder. */
  top_windows: z.number().int().min(0).max(1000),
  /** Lines shown per listed window (longer windows are cut, with a note). */
  max_lines_per_window: z.number().int().min(1),
  /** ROC/PR curves stored and drawn with at most this many points (evenly spaced, ends kept). */
  max_curve_points: z.number().int().min(10),
  /** Chart size in CSS pixels, and the PNG's pixels per CSS pixel. */
  chart: z.strictObject({ width: z.number().int().min(100), height: z.number().int().min(100), scale: z.number().min(1).max(4) }),
  projection: projectionParamsSchema,
});

export type EvaluateParams = z.infer<typeof evaluateParamsSchema>;
export type ProjectionParams = z.infer<typeof projectionParamsSchema>;

export const DEFAULT_EVALUATE_PARAMS: EvaluateParams = Object.freeze({
  optimize_thresholds: false,
  top_windows: 50,
  max_lines_per_window: 64,
  max_curve_points: 1000,
  chart: { width: 360, height: 300, scale: 2 },
  projection: { method: 'umap', min_points_umap: 30, max_points: 2000, n_neighbors: 15, min_dist: 0.1, n_epochs: 200, seed: 42 },
}) as EvaluateParams;
