// A WordPiece tokenizer trained on the masked-line corpus: whitespace-split words, the most frequent
// ones kept whole (mask tokens such as <IP> always), the rest spelled with characters and ##pieces.
// Saved as a Hugging Face tokenizer.json, so the model folder opens in other tools too.
import { tokenizeMasked } from '../shared/tokenize.js';

export const SPECIAL_TOKENS = Object.freeze(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']);
export const PAD = 0;
export const UNK = 1;
export const CLS = 2;
export const SEP = 3;
export const MASK = 4;

export class WordPieceTokenizer {
  readonly index: Map<string, number>;

  constructor(readonly vocab: readonly string[]) {
    this.index = new Map(vocab.map((token, i) => [token, i]));
  }

  /** Token ids of one line: [CLS] pieces... [SEP], cut to `maxLength`. */
  encode(line: string, maxLength: number): number[] {
    const ids = [CLS];
    for (const word of tokenizeMasked(line)) {
      ids.push(...this.pieces(word));
      if (ids.length >= maxLength - 1) break;
    }
    return [...ids.slice(0, maxLength - 1), SEP];
  }

  /** Greedy longest-match-first, as WordPiece does. */
  private pieces(word: string): number[] {
    const whole = this.index.get(word);
    if (whole !== undefined) return [whole];
    const chars = [...word];
    const ids: number[] = [];
    for (let start = 0; start < chars.length; ) {
      let end = chars.length;
      let found = -1;
      for (; end > start; end--) {
        const piece = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
        found = this.index.get(piece) ?? -1;
        if (found >= 0) break;
      }
      if (found < 0) return [UNK];
      ids.push(found);
      start = end;
    }
    return ids;
  }

  toHuggingFace(): object {
    const special = SPECIAL_TOKENS.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
    return {
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: special,
      normalizer: null,
      pre_tokenizer: { type: 'WhitespaceSplit' },
      post_processor: { type: 'TemplateProcessing', single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }], pair: [], special_tokens: { '[CLS]': { id: '[CLS]', ids: [CLS], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [SEP], tokens: ['[SEP]'] } } },
      decoder: { type: 'WordPiece', prefix: '##', cleanup: false },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(this.vocab.map((token, i) => [token, i])) },
    };
  }

  static fromHuggingFace(json: { model: { vocab: Record<string, number> } }): WordPieceTokenizer {
    const vocab: string[] = [];
    for (const [token, id] of Object.entries(json.model.vocab)) vocab[id] = token;
    return new WordPieceTokenizer(vocab);
  }
}

/** Special tokens, every character seen (alone and as ##piece), then whole words by frequency up to `size`. */
export function trainTokenizer(lines: readonly string[], counts: Uint32Array, size: number): WordPieceTokenizer {
  const words = new Map<string, number>();
  lines.forEach((line, row) => tokenizeMasked(line).forEach((word) => words.set(word, (words.get(word) ?? 0) + counts[row])));
  const chars = new Set<string>();
  for (const word of words.keys()) [...word].forEach((char) => chars.add(char));
  const charTokens = [...chars].sort().flatMap((char) => [char, `##${char}`]);
  const ranked = [...words.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
  const masks = ranked.filter((word) => /^<[A-Z0-9*]+>$/.test(word));
  const vocab = [...SPECIAL_TOKENS];
  const seen = new Set(vocab);
  for (const token of [...masks, ...charTokens, ...ranked]) {
    if (vocab.length >= Math.max(size, SPECIAL_TOKENS.length + masks.length + charTokens.length)) break;
    if (!seen.has(token)) {
      seen.add(token);
      vocab.push(token);
    }
  }
  return new WordPieceTokenizer(vocab);
}
