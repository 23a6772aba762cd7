// A local pre-trained BERT (a Hugging Face model folder: config.json, tokenizer.json,
// tokenizer_config.json, onnx/model.onnx): the tokenizer through @huggingface/transformers, fully
// offline, and the model through onnxruntime-node on the CPU. Features as for our own LogBERT:
// [CLS] + mean + max over the tokens + 10 attention features (from the graph's attention outputs
// when it has them; otherwise from scaled dot products of the last hidden states, and meta.json says so).
import fs from 'node:fs';
import path from 'node:path';
import { PipelineError } from '../../pipeline/errors.js';
import { ATTENTION_FEATURES } from './features.js';

export const REQUIRED_FILES = Object.freeze(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']);

type Ort = typeof import('onnxruntime-node');
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

export interface PretrainedBert {
  readonly dir: string;
  readonly hidden: number;
  readonly encode: (line: string) => number[];
  readonly session: Session;
  readonly ort: Ort;
}

export async function loadPretrainedBert(dir: string): Promise<PretrainedBert> {
  for (const file of REQUIRED_FILES) {
    if (!fs.existsSync(path.join(dir, file))) throw new PipelineError('config', `${path.join(dir, file)} is missing: a pre-trained model folder needs ${REQUIRED_FILES.join(', ')}`);
  }
  const transformers = await import('@huggingface/transformers');
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = path.dirname(path.resolve(dir));
  let tokenizer: Awaited<ReturnType<typeof transformers.AutoTokenizer.from_pretrained>>;
  try {
    tokenizer = await transformers.AutoTokenizer.from_pretrained(path.basename(path.resolve(dir)), { local_files_only: true });
  } catch (error) {
    // The library's own message for a broken tokenizer_config.json is "this.tokenizer is not a function".
    throw new PipelineError('config', `${dir}: the tokenizer could not be loaded from tokenizer.json and tokenizer_config.json (${(error as Error).message}); check both files`);
  }
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { hidden_size?: number };
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(path.join(dir, 'onnx', 'model.onnx'), { executionProviders: ['cpu'] });
  const encode = (line: string) => Array.from((tokenizer(line) as { input_ids: { data: ArrayLike<bigint | number> } }).input_ids.data, Number);
  return { dir, hidden: config.hidden_size ?? 0, encode, session, ort };
}

function lineFeatures(hidden: Float32Array, length: number, h: number, maps: Float32Array[], heads: number): Float32Array {
  const out = new Float32Array(3 * h + ATTENTION_FEATURES);
  for (let k = 0; k < h; k++) {
    out[k] = hidden[k];
    let sum = 0;
    let max = -Infinity;
    for (let t = 0; t < length; t++) {
      sum += hidden[t * h + k];
      max = Math.max(max, hidden[t * h + k]);
    }
    out[h + k] = sum / length;
    out[2 * h + k] = max;
  }
  const entropy = (row: Float64Array) => -row.reduce((a, p) => a + p * Math.log(p + 1e-12), 0);
  [maps[0], maps[maps.length - 1]].forEach((map, m) => {
    const rowOf = (from: number) => {
      const row = new Float64Array(length);
      for (let head = 0; head < heads; head++) for (let t = 0; t < length; t++) row[t] += map[(head * length + from) * length + t] / heads;
      return row;
    };
    const cls = rowOf(0);
    let rows = 0;
    for (let t = 0; t < length; t++) rows += entropy(rowOf(t));
    out.set([entropy(cls), Math.max(...cls), cls[0], rows / length, cls[1] ?? 0], 3 * h + 5 * m);
  });
  return out;
}

/** Attention-like maps from the last hidden states when the graph has no attention outputs. */
function derivedMap(hidden: Float32Array, length: number, h: number): Float32Array {
  const map = new Float32Array(length * length);
  for (let i = 0; i < length; i++) {
    const scores = Array.from({ length }, (_, j) => {
      let dot = 0;
      for (let k = 0; k < h; k++) dot += hidden[i * h + k] * hidden[j * h + k];
      return dot / Math.sqrt(h);
    });
    const top = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - top));
    const total = exp.reduce((a, b) => a + b, 0);
    exp.forEach((e, j) => (map[i * length + j] = e / total));
  }
  return map;
}

export async function pretrainedFeatures(bert: PretrainedBert, lines: readonly string[]): Promise<{ vectors: Float32Array; dim: number; attentionSource: string }> {
  const attentionNames = bert.session.outputNames.filter((name) => /attention/.test(name)).sort();
  const dim = 3 * bert.hidden + ATTENTION_FEATURES;
  const vectors = new Float32Array(lines.length * dim);
  for (const [i, line] of lines.entries()) {
    const ids = bert.encode(line);
    const shape = [1, ids.length];
    const feeds: Record<string, InstanceType<Ort['Tensor']>> = {
      input_ids: new bert.ort.Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
      attention_mask: new bert.ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), shape),
    };
    if (bert.session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new bert.ort.Tensor('int64', new BigInt64Array(ids.length), shape);
    const outputs = await bert.session.run(feeds);
    const hidden = outputs.last_hidden_state.data as Float32Array;
    const maps = attentionNames.length ? attentionNames.map((name) => outputs[name].data as Float32Array) : [derivedMap(hidden, ids.length, bert.hidden)];
    const heads = attentionNames.length ? (outputs[attentionNames[0]].dims[1] as number) : 1;
    vectors.set(lineFeatures(hidden, ids.length, bert.hidden, maps, heads), i * dim);
  }
  const attentionSource = attentionNames.length ? `the graph's attention outputs (${attentionNames.join(', ')})` : 'derived: softmax of scaled dot products of the last hidden states (the graph has no attention outputs)';
  return { vectors, dim, attentionSource };
}
