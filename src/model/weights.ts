// The transformer's weights as named tf.Variables, initialised from a seeded generator so a run is
// reproducible on any backend; their names and shapes are the order of the saved weights file.
import type { TfModule } from '../runtime/tf.js';
import { Random } from '../runtime/random.js';
import type { TransformerConfig } from './config.js';

type Variable = ReturnType<TfModule['variable']>;
export type Weights = Map<string, Variable>;

export function weightShapes(config: TransformerConfig): [string, number[]][] {
  const { inputDim, dModel, ff, window, vocab, classes } = config;
  const shapes: [string, number[]][] = [
    ['input/kernel', [inputDim, dModel]],
    ['input/bias', [dModel]],
    ['mask_vector', [inputDim]],
    ['cls', [dModel]],
    ['positions', [window + 1, dModel]],
  ];
  if (config.timeFeatures) shapes.push(['time/kernel', [config.timeFeatures, dModel]]);
  if (config.rarityInput) shapes.push(['rarity/kernel', [1, dModel]]);
  for (let l = 0; l < config.layers; l++) {
    const p = `block${l}`;
    shapes.push([`${p}/ln1/gamma`, [dModel]], [`${p}/ln1/beta`, [dModel]]);
    shapes.push([`${p}/attention/qkv`, [dModel, 3 * dModel]], [`${p}/attention/qkv_bias`, [3 * dModel]]);
    shapes.push([`${p}/attention/out`, [dModel, dModel]], [`${p}/attention/out_bias`, [dModel]]);
    shapes.push([`${p}/ln2/gamma`, [dModel]], [`${p}/ln2/beta`, [dModel]]);
    shapes.push([`${p}/ff/w1`, [dModel, ff]], [`${p}/ff/b1`, [ff]], [`${p}/ff/w2`, [ff, dModel]], [`${p}/ff/b2`, [dModel]]);
  }
  shapes.push(['final_ln/gamma', [dModel]], ['final_ln/beta', [dModel]]);
  shapes.push(['template_head/kernel', [dModel, vocab]], ['template_head/bias', [vocab]]);
  shapes.push(['class_head/kernel', [2 * dModel, Math.max(1, classes)]], ['class_head/bias', [Math.max(1, classes)]]);
  return shapes;
}

function initialValues(name: string, shape: number[], random: Random): Float32Array {
  const size = shape.reduce((a, b) => a * b, 1);
  if (name.endsWith('gamma')) return new Float32Array(size).fill(1);
  if (/bias|beta/.test(name)) return new Float32Array(size);
  // Glorot-uniform for matrices; small values for vectors (cls, mask, positions).
  const limit = shape.length === 2 && name !== 'positions' ? Math.sqrt(6 / (shape[0] + shape[1])) : 0.02;
  return Float32Array.from({ length: size }, () => (random.next() * 2 - 1) * limit);
}

// TensorFlow.js names variables globally: each model gets its own scope so several can live in one process.
let models = 0;

export function createWeights(tf: TfModule, config: TransformerConfig, seed: number, values?: ReadonlyMap<string, Float32Array>): Weights {
  const random = new Random(seed);
  const weights: Weights = new Map();
  const scope = `model${models++}`;
  for (const [name, shape] of weightShapes(config)) {
    const init = initialValues(name, shape, random);
    weights.set(name, tf.variable(tf.tensor(values?.get(name) ?? init, shape), true, `${scope}/${name}`));
  }
  return weights;
}

export async function weightValues(weights: Weights): Promise<Map<string, Float32Array>> {
  const values = new Map<string, Float32Array>();
  // A copy: some backends hand out views of memory they later reuse.
  for (const [name, variable] of weights) values.set(name, new Float32Array((await variable.data()) as Float32Array));
  return values;
}

/** Weight values as one checkpoint buffer: float32, in the map's order. */
export function packWeightValues(values: ReadonlyMap<string, Float32Array>): Buffer {
  return Buffer.concat([...values.values()].map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength)));
}

/** Splits a packWeightValues buffer by the sizes of `weights`, in their order. */
export function unpackWeightValues(bytes: Buffer, weights: Weights): Map<string, Float32Array> {
  const values = new Map<string, Float32Array>();
  let offset = 0;
  for (const [name, variable] of weights) {
    values.set(name, new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + variable.size * 4)));
    offset += variable.size * 4;
  }
  return values;
}

/** Sets each weight to its saved values. */
export function assignWeightValues(tf: TfModule, weights: Weights, values: ReadonlyMap<string, Float32Array>): void {
  tf.tidy(() => {
    for (const [name, value] of values) weights.get(name)!.assign(tf.tensor(value, weights.get(name)!.shape));
  });
}
