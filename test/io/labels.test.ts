// Tests of label files: the schema, its error messages, and line lookups over ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelLookup, maxLabelledLine, parseLabelFile } from '../../src/io/labels.js';

const valid = {
  version: 1,
  log_file: 'user1_vpn.log',
  lines: { '120': ['brute_force'], '121': ['brute_force'] },
  ranges: [{ start: 400, end: 431, labels: ['impossible_travel', 'off_hours'] }, { start: 121, end: 122, labels: ['off_hours'] }],
};

test('a valid label file parses, and lookups merge single lines and ranges', () => {
  const labels = parseLabelFile(JSON.stringify(valid), 'a.json');
  const lookup = new LabelLookup(labels);
  assert.deepEqual([119, 120, 121, 122, 123, 400, 431, 432].map((line) => lookup.classesAt(line)), [
    [], ['brute_force'], ['brute_force', 'off_hours'], ['off_hours'], [], ['impossible_travel', 'off_hours'], ['impossible_travel', 'off_hours'], [],
  ]);
  assert.equal(maxLabelledLine(labels), 431);
});

test('schema errors name the file and the field', () => {
  assert.throws(() => parseLabelFile(JSON.stringify({ ...valid, version: 2 }), 'labels/vpn/u.json'), { message: /^labels\/vpn\/u\.json: field version: / });
  assert.throws(() => parseLabelFile(JSON.stringify({ ...valid, lines: { '0': ['x'] } }), 'u.json'), { message: /^u\.json: field lines\.0: / });
  assert.throws(() => parseLabelFile(JSON.stringify({ ...valid, lines: { '3': ['Brute Force'] } }), 'u.json'), { message: /^u\.json: field lines\.3\.0: class names must match/ });
  assert.throws(() => parseLabelFile(JSON.stringify({ ...valid, ranges: [{ start: 5, end: 2, labels: ['x'] }] }), 'u.json'), { message: /^u\.json: field ranges\.0\.end: end must be >= start/ });
  assert.throws(() => parseLabelFile('{"version":1,', 'u.json'), { message: /^u\.json: not valid JSON/ });
});
