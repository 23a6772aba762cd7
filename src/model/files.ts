// Saves and loads the transformer as model.json (the TensorFlow.js weights-manifest layout, with the
// architecture as its topology) plus weights.bin (float32, little-endian, in manifest order).
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync, writeJsonAtomicSync } from '../io/atomic-write.js';
import { PipelineError } from '../pipeline/errors.js';
import type { TransformerConfig } from './config.js';
import { weightShapes } from './weights.js';

interface ModelJson {
  format: 'lad-anomaly-transformer';
  generatedBy: string;
  modelTopology: TransformerConfig;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: 'float32' }[] }[];
}

export function saveModelFiles(dir: string, config: TransformerConfig, values: ReadonlyMap<string, Float32Array>): string[] {
  const shapes = weightShapes(config);
  const buffers = shapes.map(([name]) => {
    const data = values.get(name)!;
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  });
  const json: ModelJson = {
    format: 'lad-anomaly-transformer',
    generatedBy: 'log-anomaly-detection',
    modelTopology: config,
    weightsManifest: [{ paths: ['weights.bin'], weights: shapes.map(([name, shape]) => ({ name, shape, dtype: 'float32' })) }],
  };
  fs.mkdirSync(dir, { recursive: true });
  writeFileAtomicSync(path.join(dir, 'weights.bin'), Buffer.concat(buffers));
  writeJsonAtomicSync(path.join(dir, 'model.json'), json);
  return [path.join(dir, 'model.json'), path.join(dir, 'weights.bin')];
}

export function loadModelFiles(dir: string): { config: TransformerConfig; values: Map<string, Float32Array> } {
  const file = path.join(dir, 'model.json');
  if (!fs.existsSync(file)) throw new PipelineError('missing_prerequisite', `${file} does not exist: train a model first (run-pipeline train --embedding_type ${path.basename(dir)})`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as ModelJson;
  const bytes = fs.readFileSync(path.join(dir, 'weights.bin'));
  const values = new Map<string, Float32Array>();
  let offset = 0;
  for (const weight of json.weightsManifest[0].weights) {
    const size = weight.shape.reduce((a, b) => a * b, 1);
    if (offset + size * 4 > bytes.length) throw new PipelineError('input', `${dir}/weights.bin is shorter than model.json says; retrain with --force_restart`);
    values.set(weight.name, new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + size * 4)));
    offset += size * 4;
  }
  return { config: json.modelTopology, values };
}
