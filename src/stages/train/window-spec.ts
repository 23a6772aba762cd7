// The window choices a user types: --window "count" or "time:<span>", and a --session_key regular
// expression (also the config's windows.time_span and windows.session_key). Checked where they are
// read, so a mistake fails before any stage runs or any checkpoint changes.

/** A duration of at least one unit: 30s, 5m, 1h, 250ms. */
export const TIME_SPAN = /^[1-9]\d*(ms|s|m|h)$/;

export const WINDOW_SPEC_HELP = 'Use "count" or "time:<span>", such as time:5m (units ms, s, m, h)';

/** --window's value: "count", or "time:<span>"; undefined when it is neither. */
export function parseWindowSpec(spec: string): { mode: 'count' } | { mode: 'time'; time_span: string } | undefined {
  if (spec === 'count') return { mode: 'count' };
  const span = spec.startsWith('time:') ? spec.slice(5) : '';
  return TIME_SPAN.test(span) ? { mode: 'time', time_span: span } : undefined;
}

/** Why a session key cannot group lines, or undefined when it can. */
export function sessionKeyProblem(key: string): string | undefined {
  let pattern: RegExp;
  try {
    pattern = new RegExp(key);
  } catch (error) {
    return `Not a regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  // A pattern that matches nothing at all would put every line of a log into one session.
  if (pattern.test('')) return 'It matches an empty text, so every line would share one session; give the pattern of the key, such as blk_-?\\d+';
  return undefined;
}
