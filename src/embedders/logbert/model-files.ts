// The LogBERT model folder: the transformer (model.json + weights.bin), tokenizer.json and
// a config.json describing the features.
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomicSync } from '../../io/atomic-write.js';
import type { TransformerConfig } from '../../model/config.js';
import { loadModelFiles, saveModelFiles } from '../../model/files.js';
import { WordPieceTokenizer } from './tokenizer.js';

export interface LogBertFiles {
  readonly config: TransformerConfig;
  readonly values: Map<string, Float32Array>;
  readonly tokenizer: WordPieceTokenizer;
}

export function saveLogBert(dir: string, config: TransformerConfig, values: ReadonlyMap<string, Float32Array>, tokenizer: WordPieceTokenizer, summary: object): string[] {
  const files = saveModelFiles(dir, config, values);
  writeJsonAtomicSync(path.join(dir, 'tokenizer.json'), tokenizer.toHuggingFace());
  writeJsonAtomicSync(path.join(dir, 'config.json'), { model_type: 'logbert', hidden_size: config.dModel, num_hidden_layers: config.layers, num_attention_heads: config.heads, intermediate_size: config.ff, vocab_size: config.vocab, max_position_embeddings: config.window + 1, features: 'cls + mean + max + 10 attention features', ...summary });
  return [...files, path.join(dir, 'tokenizer.json'), path.join(dir, 'config.json')];
}

export function loadLogBert(dir: string): LogBertFiles {
  const { config, values } = loadModelFiles(dir);
  const tokenizer = WordPieceTokenizer.fromHuggingFace(JSON.parse(fs.readFileSync(path.join(dir, 'tokenizer.json'), 'utf8')));
  return { config, values, tokenizer };
}
