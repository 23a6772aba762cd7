// Compiles the ordered masking rules into one pass over a line: the rules become alternatives of a
// single regular expression, so at each position the first rule (in order) that matches wins.
// Patterns are validated on load, including a guard against catastrophic backtracking.
import { PipelineError } from '../../../pipeline/errors.js';
import { assertLinearTime } from './backtracking-guard.js';
import type { MaskingRule } from './rules.js';

export { DEFAULT_MASKING_RULES, maskingRuleSchema, type MaskingRule } from './rules.js';

function compileRule(rule: MaskingRule, index: number): RegExp {
  const where = `preprocess.masking[${index}] "${rule.name}"`;
  let regex: RegExp;
  try {
    regex = new RegExp(rule.pattern, `g${rule.flags ?? ''}`);
  } catch (error) {
    throw new PipelineError('config', `${where}: invalid pattern ${JSON.stringify(rule.pattern)}: ${(error as Error).message}; fix or remove the rule`);
  }
  if (regex.test('')) throw new PipelineError('config', `${where}: pattern ${JSON.stringify(rule.pattern)} matches the empty string; make it match at least one character`);
  assertLinearTime(rule, where);
  return regex;
}

/** A function that masks a line with the rules, in order. */
export function compileMasker(rules: readonly MaskingRule[]): (text: string) => string {
  rules.forEach(compileRule);
  if (rules.length === 0) return (text) => text;
  const flagsDiffer = rules.some((rule) => (rule.flags ?? '') !== (rules[0].flags ?? ''));
  if (flagsDiffer) {
    // Rules with different flags cannot share one expression: apply them one after another.
    const compiled = rules.map((rule) => ({ regex: new RegExp(rule.pattern, `g${rule.flags ?? ''}`), mask: rule.mask_with }));
    return (text) => compiled.reduce((line, { regex, mask }) => line.replace(regex, mask), text);
  }
  // Most lines cannot match most rules (no "@", no "://"): a rule whose required text is absent is
  // left out of the expression for that line. Same result, far less scanning. Expressions are cached
  // per set of rules.
  const cache = new Map<number, (text: string) => string>();
  return (text) => {
    let active = 0;
    rules.forEach((rule, i) => {
      if (!rule.requires || rule.requires.some((needle) => text.includes(needle))) active |= 1 << i;
    });
    if (active === 0) return text;
    let masker = cache.get(active);
    if (!masker) cache.set(active, (masker = combinedMasker(rules.filter((_, i) => active & (1 << i)))));
    return masker(text);
  };
}

/** One expression with a group per rule; at each position the first rule (in order) that matches wins. */
function combinedMasker(rules: readonly MaskingRule[]): (text: string) => string {
  const combined = new RegExp(rules.map((rule) => `(${rule.pattern})`).join('|'), `g${rules[0].flags ?? ''}`);
  // Group numbers of each rule's outer group, since rules may hold groups of their own.
  const outer: number[] = [];
  let group = 1;
  for (const rule of rules) {
    outer.push(group);
    group += 1 + new RegExp(`${rule.pattern}|`).exec('')!.length - 1;
  }
  const masks = rules.map((rule) => rule.mask_with);
  return (text) =>
    text.replace(combined, (...args: unknown[]) => {
      for (let i = 0; i < outer.length; i++) if (args[outer[i]] !== undefined) return masks[i];
      return args[0] as string;
    });
}
