// Guards masking rules against catastrophic backtracking. JavaScript regular expressions backtrack,
// so a pattern such as (a+)+b can take exponential time, and others polynomial time, on a crafted line.
// On load each rule is timed on adversarial lines of growing length (short ones first, so an
// exponential pattern is caught before it can hang); a rule over the budget is refused.
import { PipelineError } from '../../../pipeline/errors.js';
import type { MaskingRule } from './rules.js';

const PROBE_BUDGET_MS = 50;
const UNITS = ['a', '1', '1.', 'a@a.', 'ab:', '0f', '/a', 'a ', '-1', 'a1', ':'];
const LENGTHS = [12, 18, 24, 30, 256, 1024, 4096];

function probeLine(unit: string, length: number): string {
  // The odd last character defeats a final anchor or literal, which is what makes backtracking explode.
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + '!';
}

/**
 * Milliseconds of the fastest of up to three runs, stopping at the first within the budget: a
 * pattern that backtracks is slow every time, while a pause of the process (garbage collection, a
 * busy machine) slows one run only. A run ten times over the budget is no pause: it is not repeated.
 */
export function fastestMs(regex: RegExp, line: string, mask: string): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    line.replace(regex, mask);
    const elapsed = performance.now() - started;
    fastest = Math.min(fastest, elapsed);
    if (fastest <= PROBE_BUDGET_MS || elapsed >= 10 * PROBE_BUDGET_MS) break;
  }
  return fastest;
}

export function assertLinearTime(rule: MaskingRule, where: string): void {
  const regex = new RegExp(rule.pattern, `g${rule.flags ?? ''}`);
  for (const length of LENGTHS) {
    for (const unit of UNITS) {
      const elapsed = fastestMs(regex, probeLine(unit, length), rule.mask_with);
      if (elapsed > PROBE_BUDGET_MS) {
        throw new PipelineError('config', `${where}: pattern ${JSON.stringify(rule.pattern)} took ${elapsed.toFixed(0)} ms on a ${length}-character test line (budget ${PROBE_BUDGET_MS} ms); it backtracks too much: simplify it (e.g. no (x+)+ nesting)`);
      }
    }
  }
}
