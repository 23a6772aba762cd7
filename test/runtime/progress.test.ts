// Progress as log lines, for runs whose stderr is not a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressMessage, roundedFields } from '../../src/runtime/progress.js';

test('a progress line gives the share done, and the count of units unless the unit is a percentage', () => {
  assert.equal(progressMessage('train fasttext', 10.357142857142858, 100, '%'), 'train fasttext: 10.4%');
  assert.equal(progressMessage('logbert training', 34, 300, 'steps'), 'logbert training: 34/300 steps (11.3%)');
  assert.equal(progressMessage('preprocess', 1_234_567.4, 4_000_000, 'bytes'), 'preprocess: 1,234,567/4,000,000 bytes (30.9%)');
  assert.equal(progressMessage('preprocess', 0, 0, 'bytes'), 'preprocess: 0/0 bytes (?%)');
});

test('progress fields keep four significant digits and leave text alone', () => {
  assert.deepEqual(roundedFields({ 'windows/s': 263.20759405596147, 'words/s': 53990.18806214227, epoch: 24, loss: '1.7739' }), {
    'windows/s': 263.2,
    'words/s': 53990,
    epoch: 24,
    loss: '1.7739',
  });
});
