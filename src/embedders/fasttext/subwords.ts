// fastText's character n-grams: `<word>` cut into n-grams of minn..maxn characters, each hashed
// with fastText's FNV-1a variant (bytes taken as signed chars) into one of `bucket` rows.

export function fastTextHash(text: string): number {
  let h = 2166136261;
  for (const byte of Buffer.from(text, 'utf8')) {
    // fastText hashes `int8_t` values widened to uint32: bytes >= 0x80 are sign-extended.
    h = (h ^ ((byte << 24) >> 24 >>> 0)) >>> 0;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** Bucket indexes (0-based, before adding the word count) of the n-grams of a word. */
export function ngramBuckets(word: string, minn: number, maxn: number, bucket: number): number[] {
  if (maxn === 0 || bucket === 0) return [];
  const chars = [...`<${word}>`];
  const buckets: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    let ngram = '';
    for (let j = i, n = 1; j < chars.length && n <= maxn; j++, n++) {
      ngram += chars[j];
      if (n >= minn && !(n === 1 && (i === 0 || j === chars.length - 1))) buckets.push(fastTextHash(ngram) % bucket);
    }
  }
  return buckets;
}
