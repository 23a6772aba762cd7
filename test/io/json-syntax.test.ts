// JSON syntax errors point at a line and column, not a character offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonSyntaxProblem } from '../../src/io/json-syntax.js';

function problem(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxProblem(text, error as Error);
  }
  throw new Error('it parsed');
}

test('a syntax error is placed by line and column', () => {
  assert.match(problem('{\n  "a": 1,\n  b: 2}'), /at line 3, column 3$/);
  assert.match(problem('{"version":1,'), /at line 1, column 14$/);
});

test('an error without a position stays on one line', () => {
  assert.equal(problem(''), 'Unexpected end of JSON input');
  assert.doesNotMatch(problem('{\n "a": tru\n}'), /\n/);
});

test('a position that newer Node versions add in words is not given twice', () => {
  const newer = new SyntaxError('Expected \',\' or \'}\' after property value in JSON at position 9 (line 2 column 3)');
  assert.equal(jsonSyntaxProblem('{"a": 1\n  "b": 2}', newer), "Expected ',' or '}' after property value at line 2, column 2");
});
