// Masking rules: the default tokens, rule order, user rule validation, the pathological-line bound,
// and the backtracking guard telling a slow pattern from a pause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fastestMs } from '../../../src/stages/preprocess/masking/backtracking-guard.js';
import { compileMasker, DEFAULT_MASKING_RULES } from '../../../src/stages/preprocess/masking/index.js';

const mask = compileMasker(DEFAULT_MASKING_RULES);

test('the default rules mask addresses, identifiers, paths and numbers', () => {
  const cases: [string, string][] = [
    ['Failed password for root from 203.0.113.9 port 52211 ssh2', 'Failed password for root from <IP> port <NUM> ssh2'],
    ['peer 10.251.73.220:50010 added blk_-6952295868487656571 size 67108864', 'peer <IP> added <BLK> size <NUM>'],
    ['from fe80::1ff:fe23:4567:890a and 2001:db8::8a2e:370:7334 at 10:15:01', 'from <IPV6> and <IPV6> at <NUM>:<NUM>:<NUM>'],
    ['dev 00:1A:2b:3C:4d:5E session 123e4567-e89b-12d3-a456-426614174000', 'dev <MAC> session <UUID>'],
    ['mail bob.smith+x@example.co.uk via https://example.com/a?b=1', 'mail <EMAIL> via <URL>'],
    ['open /var/www/wp-content/plugins/a.php failed', 'open <PATH> failed'],
    ['addr 0x7ffde2a1 hash deadbeef0123 took 12ms then 3.5s', 'addr <HEX> hash <HEX> took <DUR> then <DUR>'],
    ['sshd[24200]: uid=0 euid=0 version 1.4.1 user42 x-1', 'sshd[<NUM>]: uid=<NUM> euid=<NUM> version <NUM> user42 x-<NUM>'],
  ];
  for (const [line, expected] of cases) assert.equal(mask(line), expected);
});

test('rules apply in order: an earlier rule wins over a later one at the same place', () => {
  const ordered = compileMasker([
    { name: 'user', pattern: 'user=\\w+', mask_with: 'user=<USER>' },
    { name: 'number', pattern: '\\d+', mask_with: '<NUM>' },
  ]);
  assert.equal(ordered('user=bob42 id 7'), 'user=<USER> id <NUM>');
});

test('a user rule with an invalid pattern is an error naming the rule', () => {
  assert.throws(() => compileMasker([...DEFAULT_MASKING_RULES, { name: 'broken', pattern: '(unclosed', mask_with: '<X>' }]), {
    message: /^preprocess\.masking\[11\] "broken": invalid pattern "\(unclosed": .*; fix or remove the rule$/,
  });
  assert.throws(() => compileMasker([{ name: 'empty', pattern: 'a*', mask_with: '<A>' }]), { message: /matches the empty string/ });
});

test('a catastrophically backtracking rule is refused before it can hang a run', () => {
  assert.throws(() => compileMasker([{ name: 'evil', pattern: '(a+)+b', mask_with: '<E>' }]), { message: /preprocess\.masking\[0\] "evil": pattern .* backtracks too much/ });
});

test('the slowest default rule on a 64 KiB pathological line stays far below a second', () => {
  const units = ['1.', 'a@a.', 'ab:', '0f', '/a', '1', '-1', 'a1:'];
  let slowest = { rule: '', unit: '', ms: 0 };
  for (const rule of DEFAULT_MASKING_RULES) {
    const single = compileMasker([rule]);
    for (const unit of units) {
      const line = unit.repeat(Math.ceil(65536 / unit.length)).slice(0, 65536);
      const started = performance.now();
      single(line);
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { rule: rule.name, unit, ms };
    }
  }
  process.stdout.write(`# slowest masking rule on 64 KiB: ${slowest.rule} on "${slowest.unit}" repeated, ${slowest.ms.toFixed(1)} ms\n`);
  assert.ok(slowest.ms < 500, `${slowest.rule}: ${slowest.ms} ms`);
});

/** A stand-in pattern whose replace busy-waits `slowMs[call]` ms (0 past the list), counting its calls. */
function timedPattern(slowMs: number[]) {
  let calls = 0;
  const pattern = {
    [Symbol.replace](line: string) {
      const until = performance.now() + (slowMs[calls++] ?? 0);
      while (performance.now() < until);
      return line;
    },
  };
  return { pattern: pattern as unknown as RegExp, calls: () => calls };
}

test('a pattern slow once (a pause of the process) passes the backtracking guard; one slow every time, or far too slow once, does not', () => {
  const paused = timedPattern([80]);
  assert.ok(fastestMs(paused.pattern, 'line', 'x') < 50);
  assert.equal(paused.calls(), 2);
  const slow = timedPattern([60, 60, 60, 60]);
  assert.ok(fastestMs(slow.pattern, 'line', 'x') >= 60);
  assert.equal(slow.calls(), 3);
  const hopeless = timedPattern([520, 0]);
  assert.ok(fastestMs(hopeless.pattern, 'line', 'x') >= 520);
  assert.equal(hopeless.calls(), 1, 'ten times over the budget is no pause');
});
