// A word-embedding training thread: trains the corpus lines it is given on the shared weights
// and adds the tokens it processed to the shared progress counter, which sets the learning rate.
import { parentPort, workerData } from 'node:worker_threads';
import { Random } from '../../runtime/random.js';
import { LineTrainer } from './sgns.js';

interface Flat {
  values: Int32Array;
  offsets: Int32Array;
}

const data = workerData as {
  dim: number;
  input: Float32Array;
  output: Float32Array;
  params: { model: 'skipgram' | 'cbow'; neg: number; ws: number; lr: number };
  ids: Flat;
  subwords: Flat;
  rows: Uint32Array;
  keep: Float64Array;
  negatives: Int32Array;
  progress: BigInt64Array;
  totalTokens: number;
};

const unflatten = (flat: Flat) => Array.from({ length: flat.offsets.length - 1 }, (_, i) => flat.values.subarray(flat.offsets[i], flat.offsets[i + 1]));
const ids = unflatten(data.ids);
const subwords = unflatten(data.subwords);

parentPort!.on('message', (job: { start: number; end: number; seed: number }) => {
  const trainer = new LineTrainer({ dim: data.dim, input: data.input, output: data.output, params: data.params }, subwords, data.keep, data.negatives, new Random(job.seed));
  for (let i = job.start; i < job.end; i++) {
    const line = ids[data.rows[i]];
    const done = Number(Atomics.load(data.progress, 0));
    trainer.train(line, data.params.lr * Math.max(0, 1 - done / data.totalTokens));
    Atomics.add(data.progress, 0, BigInt(line.length));
  }
  parentPort!.postMessage('done');
});
