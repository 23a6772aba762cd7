// The `windows`, `split` and `model` sections of the configuration: how lines become windows,
// how windows are split, and the anomaly transformer's shape and training.
import { z } from 'zod';
import { sessionKeyProblem, TIME_SPAN } from './window-spec.js';

export const windowsSchema = z
  .strictObject({
    /** `count`: size/stride lines; `time`: windows of `time_span` (e.g. "5m"); `session`: lines sharing a `session_key` match. */
    mode: z.enum(['count', 'time', 'session']),
    size: z.number().int().min(2).max(512),
    stride: z.number().int().min(1),
    /**
     * Stride of the count windows training learns from; validation, test and detection keep
     * `stride`. null = half of `stride` supervised (an incident is seen at more places in a
     * window, and cut by its edges in more ways, as test windows will cut it), `stride`
     * unsupervised. Only count windows on a chronological split have a training stride: time and
     * session windows are cut by time span or session, and a random split trains on windows at `stride`.
     */
    train_stride: z.number().int().min(1).nullable(),
    time_span: z.string().regex(TIME_SPAN, 'a duration of at least one unit, such as 30s, 5m or 1h'),
    session_key: z.string().nullable(),
    /**
     * Lines on each side of a count or time window that the model also reads, as context only: they
     * neither label the window nor get scored with it. null = 16 supervised (an incident cut by a
     * window's edge still shows), 0 unsupervised. None for session windows or a random split.
     */
    context: z.number().int().min(0).max(256).nullable(),
  })
  .superRefine((windows, ctx) => {
    const problem = windows.session_key === null ? undefined : sessionKeyProblem(windows.session_key);
    if (problem) ctx.addIssue({ code: 'custom', path: ['session_key'], message: problem });
    if (windows.mode === 'session' && windows.session_key === null) ctx.addIssue({ code: 'custom', path: ['session_key'], message: 'mode "session" needs a session_key regular expression' });
    // Lines between two windows would go unread: `detect` cuts windows every `stride` lines in every mode.
    const { size, stride, train_stride: trainStride } = windows;
    if (stride > size) ctx.addIssue({ code: 'custom', path: ['stride'], message: `${stride} is more than the window size ${size}, so detection would skip the lines between windows; set windows.stride to at most ${size}, or windows.size to at least ${stride}` });
    if (trainStride !== null && trainStride > size) ctx.addIssue({ code: 'custom', path: ['train_stride'], message: `${trainStride} is more than the window size ${size}, so training would skip the lines between windows; set windows.train_stride to at most ${size}, or to null` });
  });

export const splitSchema = z.strictObject({
  /** chronological per entity (default), or random (only when asked; the report says so). */
  method: z.enum(['chronological', 'random']),
  train: z.number().gt(0).lt(1),
  validation: z.number().gt(0).lt(1),
});

export const modelSchema = z.strictObject({
  /** none: unsupervised masked-line prediction; labels: a sigmoid output per class. */
  supervision: z.enum(['none', 'labels']),
  d_model: z.number().int().min(8),
  layers: z.number().int().min(1).max(12),
  heads: z.number().int().min(1),
  ff: z.number().int().min(8),
  /** Share of a window's lines hidden for masked-line prediction. */
  mask_ratio: z.number().gt(0).lt(1),
  /** A masked line counts as missed when its template is not among the top g predictions. */
  top_g: z.number().int().min(1),
  hypersphere_weight: z.number().min(0),
  /** Give the model each line's gap to the previous line and its time of day (see time-features.ts). */
  time_features: z.boolean(),
  /**
   * Give the model each line's rarity under the training split beside its vector: how unusual a line
   * is generalises to lines the word vectors know little of (a login from a country seen twice).
   * null = on when supervised, off unsupervised (masked-line prediction scores rarity apart, below).
   */
  rarity_input: z.boolean().nullable(),
  /** Share of an unsupervised window score that comes from line rarity; null = picked on the validation split. */
  rarity_weight: z.number().min(0).max(1).nullable(),
  /** Adam's step size; null = 0.005 unsupervised, 0.001 supervised (its class-weighted loss is far noisier, and diverges at 0.005). */
  learning_rate: z.number().positive().nullable(),
  /**
   * Decay of the moving average of the weights that validation, early stopping and the saved model
   * use (see weight-average.ts); 0 = none, the last step's weights. null = 0.99 supervised, 0 unsupervised.
   */
  ema_decay: z.number().min(0).lt(1).nullable(),
  epochs: z.number().int().min(1),
  /** Early stopping: epochs without a better validation loss. */
  patience: z.number().int().min(1),
  /** Training windows drawn per epoch (a fresh random subset each epoch); null = all. Bounds the time per epoch on large logs (and caps the windows behind the validation loss and the centre). */
  max_train_windows: z.number().int().min(1).nullable(),
  /** Windows per batch; null = the performance profile's batch size. */
  batch_size: z.number().int().min(1).nullable(),
  /** Unsupervised training windows: `normal` leaves out training windows that carry a label (as LogBERT trains on normal sequences), `all` keeps every one. */
  train_on: z.enum(['normal', 'all']),
  /** Search d_model, layers, learning rate and mask ratio on the validation split. */
  tune: z.boolean(),
});

/** The `windows` section as configured. */
export type WindowSection = z.infer<typeof windowsSchema>;
/** The `windows` section of a run, with the context and the training stride resolved for its supervision. */
export type WindowParams = Omit<WindowSection, 'context' | 'train_stride'> & { readonly context: number; readonly train_stride: number };
export type SplitParams = z.infer<typeof splitSchema>;
/** The `model` section as configured. */
export type ModelSection = z.infer<typeof modelSchema>;
/** The `model` section of a run, with the learning rate, weight average and rarity input resolved for its supervision. */
export type ModelParams = Omit<ModelSection, 'learning_rate' | 'ema_decay' | 'rarity_input'> & { readonly learning_rate: number; readonly ema_decay: number; readonly rarity_input: boolean };

export const DEFAULT_CONTEXT: Readonly<Record<ModelSection['supervision'], number>> = { none: 0, labels: 16 };

/** The training stride as a share of `stride` when `windows.train_stride` is null. */
export const DEFAULT_TRAIN_STRIDE_SHARE: Readonly<Record<ModelSection['supervision'], number>> = { none: 1, labels: 0.5 };

export const DEFAULT_LEARNING_RATE: Readonly<Record<ModelSection['supervision'], number>> = { none: 0.005, labels: 0.001 };

export const DEFAULT_EMA_DECAY: Readonly<Record<ModelSection['supervision'], number>> = { none: 0, labels: 0.99 };

export const DEFAULT_RARITY_INPUT: Readonly<Record<ModelSection['supervision'], boolean>> = { none: false, labels: true };

export interface TrainParams {
  readonly windows: WindowParams;
  readonly split: SplitParams;
  readonly model: ModelParams;
  readonly batchSize: number;
  readonly clearEvery: number;
  readonly optimizeThresholds: boolean;
  readonly seed: number;
}
