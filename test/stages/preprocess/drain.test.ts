// The Drain miner: grouping, wildcards, stable ids, match-only mode, and exact resume.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DRAIN_PARAMS, Drain } from '../../../src/stages/preprocess/drain/index.js';

const LINES = [
  'Failed password for root from <IP> port <NUM> ssh2',
  'Accepted publickey for alice from <IP> port <NUM> ssh2',
  'Failed password for admin from <IP> port <NUM> ssh2',
  'session opened for user root by (uid=<NUM>)',
  'Failed password for guest from <IP> port <NUM> ssh2',
  'session opened for user alice by (uid=<NUM>)',
  'Accepted publickey for bob from <IP> port <NUM> ssh2',
  'Connection closed by <IP> [preauth]',
];

test('similar lines share a template; differing tokens become wildcards; ids follow first appearance', () => {
  const drain = new Drain(DEFAULT_DRAIN_PARAMS);
  assert.deepEqual(LINES.map((line) => drain.add(line)), [0, 1, 0, 2, 0, 2, 1, 3]);
  assert.deepEqual(drain.templates(), [
    { id: 0, pattern: 'Failed password for <*> from <IP> port <NUM> ssh2', count: 3 },
    { id: 1, pattern: 'Accepted publickey for <*> from <IP> port <NUM> ssh2', count: 2 },
    { id: 2, pattern: 'session opened for user <*> by (uid=<NUM>)', count: 2 },
    { id: 3, pattern: 'Connection closed by <IP> [preauth]', count: 1 },
  ]);
});

test('match-only mode finds known templates, returns -1 for unseen ones and changes nothing', () => {
  const drain = new Drain(DEFAULT_DRAIN_PARAMS);
  LINES.forEach((line) => drain.add(line));
  const before = JSON.stringify(drain.toJSON());
  assert.equal(drain.match('Failed password for mallory from <IP> port <NUM> ssh2'), 0);
  assert.equal(drain.match('Kernel panic - not syncing'), -1);
  assert.equal(drain.match('Failed password for x from <IP> port <NUM> ssh3'), -1);
  assert.equal(JSON.stringify(drain.toJSON()), before);
});

test('a miner saved and restored mid-stream continues exactly like an uninterrupted one', () => {
  const stream = Array.from({ length: 400 }, (_, i) => `${['open', 'close', 'read'][i % 3]} file f${i % 17} by user${i % 5} code ${i % 4 === 0 ? 'E' : 'W'}${i % 7}`);
  const straight = new Drain({ ...DEFAULT_DRAIN_PARAMS, line_cache_size: 50 });
  const expected = stream.map((line) => straight.add(line));
  const first = new Drain({ ...DEFAULT_DRAIN_PARAMS, line_cache_size: 50 });
  const ids = stream.slice(0, 173).map((line) => first.add(line));
  const resumed = Drain.fromJSON(JSON.parse(JSON.stringify(first.toJSON())), { ...DEFAULT_DRAIN_PARAMS, line_cache_size: 50 });
  ids.push(...stream.slice(173).map((line) => resumed.add(line)));
  assert.deepEqual(ids, expected);
  assert.deepEqual(resumed.templates(), straight.templates());
});

test('max_children sends further distinct leading tokens to the wildcard branch', () => {
  const drain = new Drain({ ...DEFAULT_DRAIN_PARAMS, max_children: 3 });
  const ids = ['alpha x y', 'beta x y', 'gamma x y', 'delta x y'].map((line) => drain.add(line));
  assert.deepEqual(ids, [0, 1, 2, 2]);
  assert.equal(drain.templates()[2].pattern, '<*> x y');
});

test('an empty line is a template of its own', () => {
  const drain = new Drain(DEFAULT_DRAIN_PARAMS);
  assert.deepEqual(['', 'a b', ''].map((line) => drain.add(line)), [0, 1, 0]);
});
