// Training settings: the learning rate follows the supervision unless the configuration sets one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config/load.js';
import { trainSettings } from '../../../src/stages/train/settings.js';
import { userConfigFile } from '../../helpers/config-file.js';

test('by default the learning rate is 0.005 unsupervised and 0.001 supervised', () => {
  const config = loadConfig();
  assert.equal(config.model.learning_rate, null);
  assert.equal(trainSettings(config, {}, 1000).model.learning_rate, 0.005);
  assert.equal(trainSettings(config, { supervision: 'labels' }, 1000).model.learning_rate, 0.001);
});

test('a configured learning rate holds for both supervisions', () => {
  const config = loadConfig(userConfigFile('{"model":{"learning_rate":0.003}}'));
  assert.equal(trainSettings(config, {}, 1000).model.learning_rate, 0.003);
  assert.equal(trainSettings(config, { supervision: 'labels' }, 1000).model.learning_rate, 0.003);
});
