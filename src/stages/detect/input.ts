// The lines `detect` scores: one file, every log file under a folder, or standard input.
// Files go through the same streaming reader as preprocessing; stdin is read as UTF-8.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { LOG_EXTENSIONS } from '../../io/log-files.js';
import { openLogFile } from '../../io/text/index.js';
import { PipelineError } from '../../pipeline/errors.js';

export interface InputSource {
  /** Name shown in the output: the path as given (relative inside a folder) or "-". */
  readonly source: string;
  lines(): AsyncIterable<{ readonly line: number; readonly text: string }>;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => LOG_EXTENSIONS.includes(path.extname(name)) && fs.statSync(path.join(dir, name)).isFile())
    .sort();
}

function stdinSource(): InputSource {
  return {
    source: '-',
    async *lines() {
      let line = 0;
      for await (const text of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) yield { line: ++line, text };
    },
  };
}

function fileSource(file: string, source: string, maxLineBytes: number): InputSource {
  return { source, lines: () => openLogFile(file, { maxLineBytes }).lines() };
}

export function inputSources(input: string, maxLineBytes: number): InputSource[] {
  if (input === '-') return [stdinSource()];
  if (!fs.existsSync(input)) throw new PipelineError('input', `${input} does not exist; give a log file, a folder of logs or - for standard input`);
  if (!fs.statSync(input).isDirectory()) return [fileSource(input, input, maxLineBytes)];
  const files = filesUnder(input);
  if (files.length === 0) throw new PipelineError('input', `${input} holds no log files (${LOG_EXTENSIONS.join(', ')}); give a file, a folder of logs or -`);
  return files.map((name) => fileSource(path.join(input, name), name.split(path.sep).join('/'), maxLineBytes));
}
