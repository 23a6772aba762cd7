// Commands that messages suggest: the user's log type, and their data root where it is not the
// working folder, so that a copied command acts on the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataPaths } from '../../src/pipeline/paths.js';
import { rootFlag, stageCommand, suggestedCommand } from '../../src/pipeline/suggested-command.js';

test('a suggested command names the data root only when it is not the working folder', () => {
  assert.equal(suggestedCommand(dataPaths('.', 'vpn'), 'evaluate'), 'run-pipeline evaluate --log_type vpn');
  assert.equal(suggestedCommand(dataPaths('/data/logs-2026', 'auth'), 'preprocess'), 'run-pipeline preprocess --log_type auth --data_dir /data/logs-2026');
  assert.equal(rootFlag(dataPaths("/data/Bob's logs", 'vpn'), '--out'), ` --out '/data/Bob'\\''s logs'`);
});

test('a stage is run by its command, with its embedder as --embedding_type', () => {
  const paths = dataPaths('/d', 'vpn');
  assert.equal(stageCommand(paths, 'preprocess'), 'run-pipeline preprocess --log_type vpn --data_dir /d');
  assert.equal(stageCommand(paths, 'embed-fasttext'), 'run-pipeline embed --embedding_type fasttext --log_type vpn --data_dir /d');
  assert.equal(stageCommand(paths, 'train-logbert'), 'run-pipeline train --embedding_type logbert --log_type vpn --data_dir /d');
});
