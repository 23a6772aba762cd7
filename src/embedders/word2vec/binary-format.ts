// The word2vec binary format (GoogleNews-vectors-negative300.bin): an ASCII "count dim" header line,
// then per word the word, a space, dim float32 values, and usually a newline. Loading streams the
// file and keeps only the requested tokens.
import fs from 'node:fs';
import { BinaryReader } from '../shared/binary-reader.js';
import type { PretrainedVectors } from '../fasttext/bin-format.js';

export function saveWord2VecBinary(file: string, words: readonly string[], vectorOf: (index: number) => Float32Array, dim: number): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${words.length} ${dim}\n`);
  words.forEach((word, i) => {
    const vector = vectorOf(i);
    fs.writeSync(fd, Buffer.concat([Buffer.from(`${word} `, 'utf8'), Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength), Buffer.from('\n')]));
  });
  fs.closeSync(fd);
}

export function loadWord2VecBinary(file: string, tokens: readonly string[]): PretrainedVectors {
  const wanted = new Set(tokens);
  const reader = new BinaryReader(file);
  try {
    const header = reader.until(10, 64, 'the "count dim" header').toString('latin1').trim().split(/\s+/);
    if (header.length !== 2 || !header.every((field) => /^\d+$/.test(field))) {
      reader.offset = 0;
      reader.fail('no "count dim" header: not a word2vec binary file');
    }
    const [count, dim] = header.map(Number);
    const vectors = new Map<string, Float32Array>();
    for (let i = 0; i < count; i++) {
      // Some writers end each vector with a newline, some do not: skip any before the word.
      const word = reader.until(32, 4096, `word ${i}`).toString('utf8').replace(/^\n+/, '');
      if (word.length === 0) reader.fail(`an empty word (entry ${i})`);
      const vector = reader.floats(dim, `the vector of "${word}"`);
      if (wanted.has(word)) vectors.set(word, vector);
    }
    return { dim, method: `word2vec binary (dim ${dim})`, vectors };
  } finally {
    reader.close();
  }
}
