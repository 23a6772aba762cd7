// Tests of configuration loading: defaults, overlays, and errors that name the key path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG_FILE, deepMerge, loadConfig } from '../../src/config/load.js';
import { resolveProfile } from '../../src/config/performance.js';
import { userConfigFile } from '../helpers/config-file.js';

test('the defaults hold the dataset-size thresholds and the performance table', () => {
  const config = loadConfig();
  assert.deepEqual(config.performance.dataset_size, { small: 10000, medium: 100000, large: 500000 });
  assert.deepEqual(
    Object.values(config.performance.profiles).map((p) => [p.batch_size, p.workers, p.clear_every]),
    [[16, 4, 100], [12, 3, 50], [8, 2, 25], [4, 1, 10]],
  );
});

test('a user file overlays the defaults key by key', () => {
  const config = loadConfig(userConfigFile('{"performance":{"overrides":{"batch_size":3}}}'));
  assert.equal(config.performance.overrides.batch_size, 3);
  assert.equal(config.performance.profiles.small.batch_size, 16);
});

test('an unknown key is rejected with its path', () => {
  const file = userConfigFile('{"performance":{"overides":{}}}');
  assert.throws(() => loadConfig(file), { message: `${file}: unknown key performance.overides: remove it or check its spelling` });
});

test('a wrong type is rejected with its path', () => {
  const file = userConfigFile('{"checkpoint":{"every_fraction":"often"}}');
  assert.throws(() => loadConfig(file), (error: Error) => error.message.startsWith(`${file}: checkpoint.every_fraction: `) && error.message.endsWith(`; ${DEFAULT_CONFIG_FILE} shows the expected form`) && /number/.test(error.message));
});

test('a session key that cannot group lines, session windows without one, or a stride past the window size is a config error', () => {
  const bad = userConfigFile('{"windows":{"mode":"session","session_key":"blk_("}}');
  assert.throws(() => loadConfig(bad), { message: `${bad}: windows.session_key: Not a regular expression (/blk_(/: Unterminated group)` });
  const empty = userConfigFile('{"windows":{"session_key":"x*"}}');
  assert.throws(() => loadConfig(empty), { message: /^.*: windows\.session_key: It matches an empty text, so every line would share one session; give the pattern of the key, such as blk_-\?\\d\+$/ });
  const keyless = userConfigFile('{"windows":{"mode":"session"}}');
  assert.throws(() => loadConfig(keyless), { message: `${keyless}: windows.session_key: mode "session" needs a session_key regular expression` });
  const gaps = userConfigFile('{"windows":{"size":8}}');
  assert.throws(() => loadConfig(gaps), { message: `${gaps}: windows.stride: 16 is more than the window size 8, so detection would skip the lines between windows; set windows.stride to at most 8, or windows.size to at least 16` });
  const trainGaps = userConfigFile('{"windows":{"train_stride":40}}');
  assert.throws(() => loadConfig(trainGaps), { message: `${trainGaps}: windows.train_stride: 40 is more than the window size 32, so training would skip the lines between windows; set windows.train_stride to at most 32, or to null` });
  assert.equal(loadConfig(userConfigFile('{"windows":{"size":16,"stride":16,"train_stride":16}}')).windows.stride, 16, 'windows end to end are fine');
  const zero = userConfigFile('{"windows":{"time_span":"0m"}}');
  assert.throws(() => loadConfig(zero), { message: new RegExp(`^${zero}: windows\\.time_span: a duration of at least one unit`) });
});

test('malformed JSON and a missing file are one-line config errors', () => {
  const bad = userConfigFile('{"checkpoint": ');
  assert.throws(() => loadConfig(bad), { message: new RegExp(`^${bad}: not valid JSON`) });
  assert.throws(() => loadConfig('/nonexistent/x.json'), { message: '/nonexistent/x.json: does not exist; pass an existing JSON file to --config' });
});

test('deepMerge replaces arrays and merges objects', () => {
  assert.deepEqual(deepMerge({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } }), { a: { b: 1, c: [3] } });
});

test('the performance profile follows the table and is capped by cores and memory', () => {
  const { performance } = loadConfig();
  const big = { cores: 16, freeBytes: 64 * 2 ** 30 };
  assert.deepEqual(
    [9_999, 10_000, 100_000, 500_000].map((lines) => resolveProfile(lines, performance, big)).map((p) => [p.tier, p.batch_size, p.workers, p.clear_every]),
    [['small', 16, 4, 100], ['medium', 12, 3, 50], ['large', 8, 2, 25], ['xlarge', 4, 1, 10]],
  );
  const laptop = resolveProfile(100, performance, { cores: 2, freeBytes: 2 ** 27 });
  assert.equal(laptop.workers, 2);
  assert.equal(laptop.batch_size, 6);
  assert.equal(laptop.notes.length, 2);
});
