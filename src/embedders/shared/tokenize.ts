// How both word embedders split a masked line into tokens: on whitespace, so mask tokens such as
// <IP> or <NUM> stay whole, exactly as the reference fastText and word2vec tools read a corpus.

export const END_OF_LINE = '</s>';

export function tokenizeMasked(line: string): string[] {
  return line.split(/\s+/).filter((token) => token.length > 0);
}
