// Drain's parameters (He et al. 2017, as Drain3 names them).
import { z } from 'zod';

export const drainParamsSchema = z.strictObject({
  /** Depth of the prefix tree: length level + (depth - 2) leading-token levels + leaves. */
  depth: z.number().int().min(3).max(10),
  /** Share of equal tokens for a line to join a group. */
  sim_th: z.number().min(0).max(1),
  /** Children per tree node; more distinct tokens go to the `<*>` child. */
  max_children: z.number().int().min(2),
  /** Characters split like spaces, besides whitespace. */
  extra_delimiters: z.array(z.string().min(1)),
  /** Distinct lines remembered with their group, so a repeated line skips the tree search. */
  line_cache_size: z.number().int().min(0),
});

export type DrainParams = z.infer<typeof drainParamsSchema>;

export const DEFAULT_DRAIN_PARAMS: DrainParams = Object.freeze({ depth: 4, sim_th: 0.4, max_children: 100, extra_delimiters: [], line_cache_size: 100000 }) as DrainParams;
