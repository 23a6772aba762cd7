// Training settings: the learning rate follows the supervision unless the configuration sets one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/load.js';
import { trainSettings } from '../../../src/stages/train/settings.js';

function userFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lad-settings-')), 'user.json');
  fs.writeFileSync(file, content);
  return file;
}

test('by default the learning rate is 0.005 unsupervised and 0.001 supervised', () => {
  const config = loadConfig();
  assert.equal(config.model.learning_rate, null);
  assert.equal(trainSettings(config, {}, 1000).model.learning_rate, 0.005);
  assert.equal(trainSettings(config, { supervision: 'labels' }, 1000).model.learning_rate, 0.001);
});

test('a configured learning rate holds for both supervisions', () => {
  const config = loadConfig(userFile('{"model":{"learning_rate":0.003}}'));
  assert.equal(trainSettings(config, {}, 1000).model.learning_rate, 0.003);
  assert.equal(trainSettings(config, { supervision: 'labels' }, 1000).model.learning_rate, 0.003);
});
