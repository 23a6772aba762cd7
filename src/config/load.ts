// Loads the configuration: the package's config/default.json, overlaid by a user file (--config).
// Validation errors name the file and the key path, and say what to do.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { checkPreprocessParams } from '../stages/preprocess/params.js';
import { PipelineError } from '../pipeline/errors.js';
import { jsonSyntaxProblem } from '../io/json-syntax.js';

/** config/default.json of the installed package (dist/src/config → package root). */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../../config/default.json', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function readJson(file: string): Json {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (error as Error).message;
    throw new PipelineError('config', `${file}: ${reason}; pass an existing JSON file to --config`);
  }
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new PipelineError('config', `${file}: not valid JSON (${jsonSyntaxProblem(text, error as Error)}); fix the file`);
  }
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) is replaced by the overlay. */
export function deepMerge(base: Json, overlay: Json): Json {
  if (!isObject(base) || !isObject(overlay)) return overlay;
  const merged: { [key: string]: Json } = { ...base };
  for (const [key, value] of Object.entries(overlay)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

/** One line per problem: `path: message`, with unknown keys spelled out. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => (issue.path.length ? `${where}.${key}` : key));
    return `unknown key ${keys.join(', ')}: remove it or check its spelling`;
  }
  // A custom check's message says what to do; a type or range error only says what was wrong.
  return issue.code === 'custom' ? `${where}: ${issue.message}` : `${where}: ${issue.message}; ${DEFAULT_CONFIG_FILE} shows the expected form`;
}

export function parseConfig(value: unknown, file: string): Config {
  const result = configSchema.safeParse(value);
  if (result.success) {
    try {
      checkPreprocessParams(result.data.preprocess);
    } catch (error) {
      if (error instanceof PipelineError) throw new PipelineError('config', `${file}: ${error.message}`);
      throw error;
    }
    return result.data;
  }
  throw new PipelineError('config', `${file}: ${describeIssue(result.error.issues[0])}`);
}

/** The resolved configuration: defaults, then the user's overlay when given. */
export function loadConfig(userFile?: string): Config {
  const defaults = readJson(DEFAULT_CONFIG_FILE);
  if (!userFile) return parseConfig(defaults, DEFAULT_CONFIG_FILE);
  const overlay = readJson(userFile);
  if (!isObject(overlay)) throw new PipelineError('config', `${userFile}: the top level must be a JSON object`);
  return parseConfig(deepMerge(defaults, overlay), userFile);
}
