// The contract between the runner and a stage: what a stage is given, and what it returns.
// A stage persists progress through `checkpoint()`; the runner owns the checkpoint file itself.
import type { Config } from '../config/schema.js';
import type { DataPaths } from './paths.js';

export interface StageContext {
  readonly paths: DataPaths;
  readonly config: Config;
  /** Resolved command-line choices that stages read (device, thresholds...). */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface StageRun extends StageContext {
  /** Where the last run stopped, or null for a fresh start (outputs must then be rebuilt from scratch). */
  readonly resume: { readonly cursor: unknown; readonly progress: number } | null;
  /**
   * Records progress in [0, 1] and the cursor to resume from, atomically; every call is written.
   * Write any large state the cursor refers to (in `paths.stageState(name)`) before calling this.
   */
  checkpoint(progress: number, cursor: unknown): Promise<void>;
  /** True when progress has advanced by the configured share (5%) since the last checkpoint. */
  due(progress: number): boolean;
}

export interface StageResult {
  /** Files this stage produced; their hashes become the input hash of later stages. */
  readonly outputs: readonly string[];
  /** Small facts for the run report (counts, timings measured inside the stage). */
  readonly summary?: Readonly<Record<string, unknown>>;
}

export interface Stage {
  /** Checkpoint name, e.g. `preprocess` or `embed-fasttext`. */
  readonly name: string;
  /** One line for logs and --help. */
  readonly title: string;
  /** The part of the configuration this stage's output depends on (hashed into config_hash). */
  configSlice(context: StageContext): unknown;
  /** Files (other than upstream stage outputs) whose content is this stage's input. */
  inputFiles(context: StageContext): Promise<readonly string[]>;
  /** Names of stages whose outputs this stage reads. */
  readonly after: readonly string[];
  run(run: StageRun): Promise<StageResult>;
}
