// LogBERT: milliseconds per MLM training step of the default model (2 layers, hidden 64, 4 heads,
// 32 tokens, batch 32, vocabulary 1000) on this process's TensorFlow.js backend (LAD_TF_BACKEND=cpu
// for the cpu backend), and feature extraction in distinct lines per second: ours (tfjs) and the
// tiny pre-trained fixture through onnxruntime-node. bench/logbert_torch.py measures PyTorch.
// Usage: node dist/bench/logbert.js [steps, default 20]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mlmArrays, mlmTensors } from '../src/embedders/logbert/batch.js';
import { logBertFeatures } from '../src/embedders/logbert/features.js';
import { mlmLoss } from '../src/embedders/logbert/train.js';
import { loadPretrainedBert, pretrainedFeatures } from '../src/embedders/logbert/pretrained.js';
import { trainTokenizer } from '../src/embedders/logbert/tokenizer.js';
import type { TransformerConfig } from '../src/model/config.js';
import { createWeights } from '../src/model/weights.js';
import { Random } from '../src/runtime/random.js';
import { initTf } from '../src/runtime/tf.js';
import { configureLogger } from '../src/runtime/logger.js';

configureLogger({ verbosity: 'quiet' });
const steps = Number(process.argv[2] ?? 20);
const { tf, choice } = await initTf('auto');
const config: TransformerConfig = { inputDim: 1000, dModel: 64, layers: 2, heads: 4, ff: 128, window: 31, vocab: 1000, classes: 0 };
const weights = createWeights(tf, config, 1);
const optimizer = tf.train.adam(0.002);
const random = new Random(2);
const lines = Array.from({ length: 32 }, () => Array.from({ length: 32 }, () => random.int(5, 999)));
const arrays = mlmArrays(lines, config.window, config.vocab, 0.15, random);
const targets = Int32Array.from(mlmArrays(lines, config.window, config.vocab, 0, null).ids);
const step = () =>
  tf.tidy(() =>
    optimizer.minimize(() => mlmLoss(tf, weights, config, mlmTensors(tf, arrays, targets, config)) as never, true, [...weights.values()])!.dataSync()[0],
  );
for (let i = 0; i < 3; i++) step();
let started = performance.now();
for (let i = 0; i < steps; i++) step();
console.log(`| MLM training step, tfjs ${choice.backend} | ${((performance.now() - started) / steps).toFixed(0)} ms |`);

const corpus = Array.from({ length: 512 }, (_, i) => `Failed password for user${i % 37} from <IP> port <NUM> ssh2 session ${i % 11}`);
const tokenizer = trainTokenizer(corpus, new Uint32Array(corpus.length).fill(1), 1000);
started = performance.now();
logBertFeatures(tf, weights, config, tokenizer, corpus, 64);
console.log(`| feature extraction, tfjs ${choice.backend} (hidden 64) | ${Math.round((corpus.length * 1000) / (performance.now() - started))} lines/s |`);
const bert = await loadPretrainedBert(path.resolve(fileURLToPath(import.meta.url), '../../../test/fixtures/logbert/tiny-bert'));
started = performance.now();
await pretrainedFeatures(bert, corpus);
console.log(`| feature extraction, onnxruntime-node (tiny fixture, hidden 32) | ${Math.round((corpus.length * 1000) / (performance.now() - started))} lines/s |`);
