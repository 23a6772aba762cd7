// Typed errors of the pipeline: each carries a stable code that maps to an exit code.
// The CLI boundary (src/cli) turns them into one-line messages; nothing else prints them.

export const EXIT_CODES = Object.freeze({
  ok: 0,
  not_ready: 1,
  usage: 2,
  input: 3,
  config: 4,
  locked: 5,
  io: 6,
  missing_prerequisite: 7,
  unsupported: 8,
  interrupted: 130,
  internal: 70,
} as const);

export type ErrorCode = Exclude<keyof typeof EXIT_CODES, 'ok' | 'not_ready' | 'internal'>;

/** An error caused by the user's input, configuration or environment, with a hint on what to do. */
export class PipelineError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PipelineError';
    this.code = code;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function isPipelineError(error: unknown): error is PipelineError {
  return error instanceof PipelineError;
}
