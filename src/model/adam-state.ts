// Saves and restores Adam's whole state. `getWeights()` covers the iteration count and the moments,
// but not the running powers of beta1 and beta2 used for bias correction; without them a resumed run
// would drift from an uninterrupted one, so they are saved as well.
import type { TfModule } from '../runtime/tf.js';

type Adam = ReturnType<TfModule['train']['adam']>;
type Scalar = ReturnType<TfModule['variable']>;

export interface AdamState {
  readonly slots: { name: string; shape: number[]; data: number[] }[];
  readonly accBeta1: number | null;
  readonly accBeta2: number | null;
}

const powers = (optimizer: Adam) => optimizer as unknown as { accBeta1?: Scalar; accBeta2?: Scalar };

export async function adamState(optimizer: Adam): Promise<AdamState> {
  const slots = await optimizer.getWeights();
  const { accBeta1, accBeta2 } = powers(optimizer);
  return {
    slots: await Promise.all(slots.map(async (s) => ({ name: s.name, shape: s.tensor.shape, data: Array.from(await s.tensor.data()) }))),
    accBeta1: accBeta1 ? (await accBeta1.data())[0] : null,
    accBeta2: accBeta2 ? (await accBeta2.data())[0] : null,
  };
}

export async function restoreAdam(tf: TfModule, optimizer: Adam, state: AdamState): Promise<void> {
  await optimizer.setWeights(state.slots.map((s) => ({ name: s.name, tensor: tf.tensor(s.data, s.shape) })));
  const { accBeta1, accBeta2 } = powers(optimizer);
  if (accBeta1 && state.accBeta1 !== null) accBeta1.assign(tf.scalar(state.accBeta1));
  if (accBeta2 && state.accBeta2 !== null) accBeta2.assign(tf.scalar(state.accBeta2));
}
