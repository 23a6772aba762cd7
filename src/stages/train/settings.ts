// The training settings of a run: the config sections, overridden by command-line choices
// (--supervision, --window, --session_key, --split, --tune, --optimize_thresholds), the defaults
// that depend on the supervision, and the batch size from the performance profile.
import type { Config } from '../../config/schema.js';
import { resolveProfile } from '../../config/performance.js';
import { PipelineError } from '../../pipeline/errors.js';
import { parseWindowSpec, WINDOW_SPEC_HELP } from './window-spec.js';
import { DEFAULT_CONTEXT, DEFAULT_EMA_DECAY, DEFAULT_TRAIN_STRIDE_SHARE, DEFAULT_LEARNING_RATE, DEFAULT_RARITY_INPUT, type ModelParams, type ModelSection, type SplitParams, type TrainParams, type WindowParams, type WindowSection } from './params.js';

export interface TrainChoices {
  readonly supervision?: string;
  readonly window?: string;
  readonly session_key?: string;
  readonly split?: string;
  readonly tune?: boolean;
  readonly optimize_thresholds?: boolean;
}

function windowChoice(base: WindowSection, choices: TrainChoices, split: SplitParams, supervision: ModelParams['supervision']): WindowParams {
  let windows = { ...base };
  if (choices.window) {
    const spec = parseWindowSpec(choices.window);
    if (!spec) throw new PipelineError('usage', `--window "${choices.window}" is not valid. ${WINDOW_SPEC_HELP}`);
    windows = { ...windows, ...spec };
  }
  // --session_key was checked when the command line was read (window-spec.ts).
  if (choices.session_key) windows = { ...windows, mode: 'session', session_key: choices.session_key };
  // No context for session windows (their lines are not a run of the log) or a random split (it
  // would reach into the other splits' lines).
  const runs = windows.mode !== 'session' && split.method !== 'random';
  // Time and session windows are cut by span or session, not stride; a random split draws its training windows from the same set as validation's and test's.
  const ownTrainStride = windows.mode === 'count' && split.method !== 'random';
  const trainStride = ownTrainStride ? (windows.train_stride ?? Math.max(1, Math.floor(windows.stride * DEFAULT_TRAIN_STRIDE_SHARE[supervision]))) : windows.stride;
  return { ...windows, context: runs ? (windows.context ?? DEFAULT_CONTEXT[supervision]) : 0, train_stride: trainStride };
}

function modelChoice(model: ModelSection, choices: TrainChoices): ModelParams {
  const supervision = (choices.supervision as ModelParams['supervision']) ?? model.supervision;
  const learning_rate = model.learning_rate ?? DEFAULT_LEARNING_RATE[supervision];
  const rarity_input = model.rarity_input ?? DEFAULT_RARITY_INPUT[supervision];
  return { ...model, supervision, tune: choices.tune ?? model.tune, learning_rate, ema_decay: model.ema_decay ?? DEFAULT_EMA_DECAY[supervision], rarity_input };
}

export function trainSettings(config: Config, choices: TrainChoices, lines: number): TrainParams {
  const model = config.model as ModelSection;
  const split = config.split as SplitParams;
  const profile = resolveProfile(lines, config.performance);
  const chosenModel = modelChoice(model, choices);
  const chosenSplit = { ...split, method: (choices.split as SplitParams['method']) ?? split.method };
  return {
    windows: windowChoice(config.windows as WindowSection, choices, chosenSplit, chosenModel.supervision),
    split: chosenSplit,
    model: chosenModel,
    batchSize: model.batch_size ?? profile.batch_size,
    clearEvery: profile.clear_every,
    optimizeThresholds: choices.optimize_thresholds ?? (config.evaluate as { optimize_thresholds?: boolean }).optimize_thresholds ?? false,
    seed: config.seed,
  };
}
