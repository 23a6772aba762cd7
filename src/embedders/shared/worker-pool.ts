// Multi-threaded word-embedding training: worker threads train disjoint ranges of corpus lines on
// weights in SharedArrayBuffers, lock-free (Hogwild, as fastText and word2vec do). The corpus is
// processed in chunks of 5%; between chunks all workers are idle, which is where checkpoints go.
import { Worker } from 'node:worker_threads';
import type { Position, TrainingData, TrainingRun, WordModel } from './trainer.js';
import { saveState } from './trainer.js';

const CHUNKS_PER_EPOCH = 20;

function shared<T extends Int32Array | Uint32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}

function flatten(lists: readonly Int32Array[]): { values: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = offsets[i] + list.length));
  const values = new Int32Array(new SharedArrayBuffer(offsets[lists.length] * 4));
  lists.forEach((list, i) => values.set(list, offsets[i]));
  return { values, offsets: shared(offsets) };
}

export async function trainInWorkers(run: TrainingRun, model: WordModel, data: TrainingData, position: Position, threads: number): Promise<void> {
  const { params } = run;
  const totalTokens = params.epoch * model.vocabulary.totalTokens;
  const progress = new BigInt64Array(new SharedArrayBuffer(8));
  progress[0] = BigInt(position.tokensDone);
  const workerData = {
    dim: model.dim,
    input: model.input,
    output: model.output,
    params: { model: params.model, neg: params.neg, ws: params.ws, lr: params.lr },
    ids: flatten(data.ids),
    subwords: flatten(data.subwords),
    rows: shared(run.rows),
    keep: shared(data.keep),
    negatives: shared(data.negatives),
    progress,
    totalTokens,
  };
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./train-worker.js', import.meta.url), { workerData }));
  const run1 = (worker: Worker, job: object) =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      worker.once('error', fail);
      worker.once('message', () => {
        worker.off('error', fail);
        resolve();
      });
      worker.postMessage(job);
    });
  const started = Date.now();
  const startTokens = position.tokensDone;
  try {
    const chunk = Math.max(1, Math.ceil(run.rows.length / CHUNKS_PER_EPOCH));
    for (; position.epoch < params.epoch; position.epoch++, position.line = 0) {
      while (position.line < run.rows.length) {
        const end = Math.min(run.rows.length, position.line + chunk);
        const share = Math.ceil((end - position.line) / threads);
        await Promise.all(workers.map((worker, t) => run1(worker, { start: Math.min(end, position.line + t * share), end: Math.min(end, position.line + (t + 1) * share), seed: (run.seed * 31 + position.epoch * 7919 + position.line * 13 + t) >>> 0 })));
        position.line = end;
        position.tokensDone = Number(progress[0]);
        const done = position.tokensDone / totalTokens;
        run.onProgress?.(done, (position.tokensDone - startTokens) / Math.max(0.001, (Date.now() - started) / 1000));
        if (run.due(done)) {
          saveState(run.stateDir, model, { ...position });
          await run.onCheckpoint(done);
        }
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
