// Training settings: the learning rate, the weight average and the window context follow the supervision unless the configuration sets them.
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

test('by default the weights are averaged with decay 0.99 when supervised and not at all otherwise; a configured decay holds for both', () => {
  const config = loadConfig();
  assert.equal(config.model.ema_decay, null);
  assert.equal(trainSettings(config, {}, 1000).model.ema_decay, 0);
  assert.equal(trainSettings(config, { supervision: 'labels' }, 1000).model.ema_decay, 0.99);
  const set = loadConfig(userConfigFile('{"model":{"ema_decay":0.9}}'));
  assert.deepEqual([trainSettings(set, {}, 1000).model.ema_decay, trainSettings(set, { supervision: 'labels' }, 1000).model.ema_decay], [0.9, 0.9]);
});

test('by default windows have 16 context lines on each side when supervised and none otherwise; a configured number holds for both', () => {
  const config = loadConfig();
  assert.equal(config.windows.context, null);
  assert.equal(trainSettings(config, {}, 1000).windows.context, 0);
  assert.equal(trainSettings(config, { supervision: 'labels' }, 1000).windows.context, 16);
  const set = loadConfig(userConfigFile('{"windows":{"context":4}}'));
  assert.deepEqual([trainSettings(set, {}, 1000).windows.context, trainSettings(set, { supervision: 'labels' }, 1000).windows.context], [4, 4]);
});

test('session windows and a random split get no context', () => {
  const config = loadConfig(userConfigFile('{"windows":{"context":4}}'));
  assert.equal(trainSettings(config, { supervision: 'labels', session_key: 'sid=(\\d+)' }, 1000).windows.context, 0);
  assert.equal(trainSettings(config, { supervision: 'labels', split: 'random' }, 1000).windows.context, 0);
  assert.equal(trainSettings(loadConfig(), { supervision: 'labels', split: 'random' }, 1000).windows.context, 0);
});
