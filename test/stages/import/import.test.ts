// Loghub import: labels follow the HDFS blocks or the inline first field, which is removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readLabelFile } from '../../../src/io/labels.js';
import { cli } from '../../helpers/cli.js';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lad-import-'));

test('HDFS lines are labelled through their block ids', () => {
  const dir = temp();
  fs.writeFileSync(path.join(dir, 'HDFS.log'), ['081109 203615 148 INFO dfs.DataNode: Receiving block blk_1 src', '081109 203615 149 INFO dfs.DataNode: Receiving block blk_-2 src', '081109 203616 150 INFO dfs.DataNode: blk_1 and blk_3 done'].join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'anomaly_label.csv'), 'BlockId,Label\nblk_1,Normal\nblk_-2,Anomaly\nblk_3,Anomaly\n');
  const result = cli(['import', '--format', 'loghub-hdfs', '--input', path.join(dir, 'HDFS.log'), '--labels', path.join(dir, 'anomaly_label.csv'), '--log_type', 'hdfs', '--data_dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /imported 3 lines .* 2 labelled \(anomaly 2\)/);
  const labels = readLabelFile(path.join(dir, 'labels', 'hdfs', 'HDFS.json'));
  assert.deepEqual(labels.ranges, [{ start: 2, end: 3, labels: ['anomaly'] }]);
  assert.equal(fs.readFileSync(path.join(dir, 'logs', 'hdfs', 'HDFS.log'), 'utf8'), fs.readFileSync(path.join(dir, 'HDFS.log'), 'utf8'));
});

test('inline labels become classes and leave the text', () => {
  const dir = temp();
  fs.writeFileSync(path.join(dir, 'BGL.log'), ['- 1117838570 2005.06.03 R02 RAS KERNEL INFO ok', 'KERNDTLB 1117838571 2005.06.03 R02 RAS KERNEL FATAL data TLB error', 'KERNDTLB 1117838572 2005.06.03 R02 RAS KERNEL FATAL data TLB error'].join('\n') + '\n');
  const result = cli(['import', '--format', 'loghub-inline', '--input', path.join(dir, 'BGL.log'), '--log_type', 'bgl', '--data_dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(readLabelFile(path.join(dir, 'labels', 'bgl', 'BGL.json')).ranges, [{ start: 2, end: 3, labels: ['kerndtlb'] }]);
  const text = fs.readFileSync(path.join(dir, 'logs', 'bgl', 'BGL.log'), 'utf8');
  assert.equal(text.split('\n')[1], '1117838571 2005.06.03 R02 RAS KERNEL FATAL data TLB error');
  assert.doesNotMatch(text, /KERNDTLB/);
});

test('a labels file with a wrong header is an error naming file and line', () => {
  const dir = temp();
  fs.writeFileSync(path.join(dir, 'HDFS.log'), 'x\n');
  fs.writeFileSync(path.join(dir, 'labels.csv'), 'block,label\n');
  const result = cli(['import', '--format', 'loghub-hdfs', '--input', path.join(dir, 'HDFS.log'), '--labels', path.join(dir, 'labels.csv'), '--log_type', 'hdfs', '--data_dir', dir]);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /labels\.csv: line 1 must be the header "BlockId,Label"/);
});
