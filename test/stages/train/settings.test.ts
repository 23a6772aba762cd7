// Training settings: the learning rate, the weight average, the rarity input, the window context and the training stride follow the supervision unless the configuration sets them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config/load.js';
import { trainSettings, type TrainChoices } from '../../../src/stages/train/settings.js';
import { userConfigFile } from '../../helpers/config-file.js';

/** Settings whose default depends on the supervision: unset, unsupervised, supervised, and a configured value. */
const bySupervision = [
  { section: 'model', key: 'learning_rate', none: 0.005, labels: 0.001, configured: 0.003 },
  { section: 'model', key: 'ema_decay', none: 0, labels: 0.99, configured: 0.9 },
  { section: 'model', key: 'rarity_input', none: false, labels: true, configured: false },
  { section: 'windows', key: 'context', none: 0, labels: 16, configured: 4 },
  { section: 'windows', key: 'train_stride', none: 16, labels: 8, configured: 4 },
] as const;

for (const { section, key, none, labels, configured } of bySupervision) {
  test(`${section}.${key} is ${none} unsupervised and ${labels} supervised by default; a configured ${configured} holds for both`, () => {
    const read = (config: ReturnType<typeof loadConfig>, supervision?: string) => (trainSettings(config, { supervision }, 1000)[section] as unknown as Record<string, number>)[key];
    const config = loadConfig();
    assert.equal((config[section] as Record<string, unknown>)[key], null);
    assert.deepEqual([read(config), read(config, 'labels')], [none, labels]);
    const set = loadConfig(userConfigFile(JSON.stringify({ [section]: { [key]: configured } })));
    assert.deepEqual([read(set), read(set, 'labels')], [configured, configured]);
  });
}

test('model.rarity_input set true holds for an unsupervised model too', () => {
  assert.equal(trainSettings(loadConfig(userConfigFile('{"model":{"rarity_input":true}}')), {}, 1000).model.rarity_input, true);
});

test('supervised training windows start at half the stride, rounded down, and never less than one line apart', () => {
  const stride = (value: number) => trainSettings(loadConfig(userConfigFile(`{"windows":{"stride":${value}}}`)), { supervision: 'labels' }, 1000).windows.train_stride;
  assert.deepEqual([stride(15), stride(2), stride(1)], [7, 1, 1]);
});

test('a random split, time windows and session windows train at the validation and test stride', () => {
  const stride = (config: ReturnType<typeof loadConfig>, choices: TrainChoices) => trainSettings(config, { supervision: 'labels', ...choices }, 1000).windows.train_stride;
  const set = loadConfig(userConfigFile('{"windows":{"train_stride":4}}'));
  for (const choices of [{ split: 'random' }, { window: 'time:5m' }, { session_key: 'sid=(\\d+)' }]) {
    assert.deepEqual([stride(loadConfig(), choices), stride(set, choices)], [16, 16], JSON.stringify(choices));
  }
});

test('session windows and a random split get no context', () => {
  const config = loadConfig(userConfigFile('{"windows":{"context":4}}'));
  assert.equal(trainSettings(config, { supervision: 'labels', session_key: 'sid=(\\d+)' }, 1000).windows.context, 0);
  assert.equal(trainSettings(config, { supervision: 'labels', split: 'random' }, 1000).windows.context, 0);
  assert.equal(trainSettings(loadConfig(), { supervision: 'labels', split: 'random' }, 1000).windows.context, 0);
});
