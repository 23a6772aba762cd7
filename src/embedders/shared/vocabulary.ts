// The vocabulary of the corpus: tokens counted over every corpus line (distinct lines times their
// counts), kept when seen at least min_count times, ordered by count as the reference tools order it.
import { END_OF_LINE, tokenizeMasked } from './tokenize.js';

export interface Vocabulary {
  readonly words: readonly string[];
  readonly counts: Float64Array;
  readonly index: ReadonlyMap<string, number>;
  /** Tokens in the corpus, end-of-line markers included. */
  readonly totalTokens: number;
}

export function buildVocabulary(lines: readonly string[], lineCounts: Uint32Array, minCount: number): Vocabulary {
  const counts = new Map<string, number>([[END_OF_LINE, 0]]);
  let totalTokens = 0;
  lines.forEach((line, row) => {
    const times = lineCounts[row];
    for (const token of tokenizeMasked(line)) counts.set(token, (counts.get(token) ?? 0) + times);
    counts.set(END_OF_LINE, counts.get(END_OF_LINE)! + times);
    totalTokens += times * (tokenizeMasked(line).length + 1);
  });
  // End of line first, as fastText's dictionary puts it; then by count, ties by first appearance.
  const words = [...counts.entries()]
    .filter(([word, count]) => word === END_OF_LINE || count >= minCount)
    .sort((a, b) => (a[0] === END_OF_LINE ? -1 : b[0] === END_OF_LINE ? 1 : b[1] - a[1]))
    .map(([word]) => word);
  return { words, counts: Float64Array.from(words, (word) => counts.get(word)!), index: new Map(words.map((word, i) => [word, i])), totalTokens };
}

/** Each distinct line as vocabulary ids, end-of-line marker included; unknown tokens are dropped. */
export function lineIds(lines: readonly string[], vocabulary: Vocabulary): Int32Array[] {
  const eol = vocabulary.index.get(END_OF_LINE)!;
  return lines.map((line) => {
    const ids = tokenizeMasked(line).map((token) => vocabulary.index.get(token) ?? -1).filter((id) => id >= 0);
    ids.push(eol);
    return Int32Array.from(ids);
  });
}
