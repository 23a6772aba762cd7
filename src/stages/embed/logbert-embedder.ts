// The LogBERT embedding stage: train the BERT on the distinct masked lines (or, later, load a local
// pre-trained one), save its folder, and compute the 3H + 10 features of every distinct line.
import path from 'node:path';
import type { LogBertParams } from '../../embedders/logbert/params.js';
import { logBertFeatures } from '../../embedders/logbert/features.js';
import { saveLogBert } from '../../embedders/logbert/model-files.js';
import { trainLogBert } from '../../embedders/logbert/train.js';
import type { DistinctLines } from '../../io/corpus.js';
import { weightValues } from '../../model/weights.js';
import { loadPretrainedBert, pretrainedFeatures } from '../../embedders/logbert/pretrained.js';
import type { StageRun } from '../../pipeline/stage.js';
import { logger } from '../../runtime/logger.js';
import { startProgress } from '../../runtime/progress.js';
import { initTf, type DeviceRequest } from '../../runtime/tf.js';
import type { EmbedResult } from './word-embedder.js';

export async function embedWithLogBert(run: StageRun, distinct: DistinctLines, dir: string): Promise<EmbedResult> {
  const params = run.config.embeddings.logbert as LogBertParams;
  if (params.model_dir) return fromPretrained(params.model_dir, distinct);
  const { tf, choice } = await initTf((run.options.device as DeviceRequest | undefined) ?? 'auto');
  const progress = startProgress('logbert training', params.steps, 'steps');
  const started = Date.now();
  const trained = await trainLogBert({
    tf,
    lines: distinct.lines,
    counts: distinct.counts,
    params,
    seed: run.config.seed,
    stateDir: run.paths.stageState('embed-logbert'),
    resume: run.resume !== null,
    due: (fraction) => run.due(fraction * 0.9),
    onCheckpoint: (fraction) => run.checkpoint(fraction * 0.9, { training: true }),
    onProgress: (p) => progress.update(p.step, { loss: p.loss.toFixed(3), 'steps/s': p.stepsPerSecond.toFixed(1) }),
  });
  progress.stop();
  if (trained.summary.resumedFromStep !== null) logger().info({ step: trained.summary.resumedFromStep }, 'LogBERT training resumed from its checkpoint');
  const trainSeconds = (Date.now() - started) / 1000;
  logger().info({ ...trained.summary }, 'LogBERT trained');
  const extractStarted = Date.now();
  const { vectors, dim } = logBertFeatures(tf, trained.weights, trained.config, trained.tokenizer, distinct.lines, 64);
  const extractSeconds = (Date.now() - extractStarted) / 1000;
  const summary = { ...trained.summary, backend: choice.backend, train_seconds: trainSeconds, feature_lines_per_second: Math.round(distinct.lines.length / Math.max(extractSeconds, 1e-3)) };
  const modelFiles = saveLogBert(path.join(dir, 'model'), trained.config, await weightValues(trained.weights), trained.tokenizer, summary);
  const method = `LogBERT trained on the logs: ${params.layers} layers, hidden ${params.hidden}, ${params.heads} heads, ${params.max_tokens} tokens, vocabulary ${trained.tokenizer.vocab.length}; features cls+mean+max+${10} attention`;
  return { vectors: { vectors, dim, zeroLines: 0 }, method, modelFiles, summary };
}

async function fromPretrained(dir: string, distinct: DistinctLines): Promise<EmbedResult> {
  const started = Date.now();
  const bert = await loadPretrainedBert(dir);
  const { vectors, dim, attentionSource } = await pretrainedFeatures(bert, distinct.lines);
  const seconds = (Date.now() - started) / 1000;
  logger().info({ dir, dim, attention: attentionSource }, 'pre-trained BERT features computed with onnxruntime-node');
  return { vectors: { vectors, dim, zeroLines: 0 }, method: `pre-trained BERT from ${dir} (onnxruntime-node, CPU); attention features: ${attentionSource}`, modelFiles: [], summary: { model_dir: dir, attention_source: attentionSource, feature_lines_per_second: Math.round(distinct.lines.length / Math.max(seconds, 1e-3)) } };
}
