// Tests of the typed pipeline errors and their exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PipelineError, EXIT_CODES } from '../../src/pipeline/errors.js';

test('a PipelineError maps its code to a stable exit code', () => {
  const error = new PipelineError('locked', 'logs/vpn is being processed by pid 12');
  assert.equal(error.exitCode, EXIT_CODES.locked);
  assert.equal(error.exitCode, 5);
  assert.equal(error.message, 'logs/vpn is being processed by pid 12');
});
