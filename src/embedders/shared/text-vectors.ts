// Word vectors as text (fastText .vec, word2vec text): a "count dim" header, then one word and its
// values per line. Loading streams the file and keeps only the requested tokens.
import fs from 'node:fs';
import readline from 'node:readline';
import { PipelineError } from '../../pipeline/errors.js';
import type { PretrainedVectors } from '../fasttext/bin-format.js';

export function saveTextVectors(file: string, words: readonly string[], vectorOf: (index: number) => Float32Array, dim: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${words.length} ${dim}\n`);
  words.forEach((word, i) => fs.writeSync(fd, `${word} ${Array.from(vectorOf(i), (v) => Number(v.toPrecision(6))).join(' ')}\n`));
  fs.closeSync(fd);
}

export async function loadTextVectors(file: string, tokens: readonly string[], method: string): Promise<PretrainedVectors> {
  const wanted = new Set(tokens);
  const vectors = new Map<string, Float32Array>();
  let header: { count: number; dim: number } | null = null;
  let lineNumber = 0;
  let rows = 0;
  let offset = 0;
  const fail = (what: string): never => {
    throw new PipelineError('input', `${file}: ${what} at line ${lineNumber} (byte ${offset}); check that the file is a complete vector file`);
  };
  for await (const line of readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    lineNumber++;
    const fields = line.trimEnd().split(' ');
    if (!header) {
      if (fields.length !== 2 || !/^\d+$/.test(fields[0]) || !/^\d+$/.test(fields[1])) fail('no "count dim" header');
      header = { count: Number(fields[0]), dim: Number(fields[1]) };
    } else if (line.length > 0) {
      if (fields.length !== header.dim + 1) fail(`a row of ${fields.length - 1} values where the header says ${header.dim}`);
      rows++;
      if (wanted.has(fields[0])) {
        const vector = Float32Array.from(fields.slice(1), Number);
        if (vector.some(Number.isNaN)) fail('a value that is not a number');
        vectors.set(fields[0], vector);
      }
    }
    offset += Buffer.byteLength(line) + 1;
  }
  if (!header) fail('an empty file');
  if (rows !== header!.count) fail(`${rows} rows where the header says ${header!.count}`);
  return { dim: header!.dim, method, vectors };
}
