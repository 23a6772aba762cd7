// An exponential moving average of the weights over the training steps (Polyak averaging). With a
// few dozen labelled incidents, supervised training jumps from step to step, and which side of a
// jump an epoch ends on decides the model; the average over the last 1/(1 - decay) steps does not
// jump. Validation, early stopping and the saved model all use the average.
import type { TfModule } from '../../runtime/tf.js';
import { weightValues, type Weights } from '../../model/weights.js';

/**
 * The decay at step t (from 1) that keeps the average bias-corrected: the weights after steps
 * 1..t weighted decay^(t-s) and normalised, so the random initial weights never count (an
 * average started from them would still be 37% initial after 100 steps at 0.99).
 */
export function stepDecay(decay: number, step: number): number {
  return (decay * (1 - decay ** (step - 1))) / (1 - decay ** step);
}

export class WeightAverage {
  private readonly averages: Weights;

  constructor(
    private readonly tf: TfModule,
    private readonly weights: Weights,
    private readonly decay: number,
  ) {
    // tidy frees each clone's own handle; the variable keeps its memory.
    this.averages = new Map([...weights].map(([name, weight]) => [name, tf.tidy(() => tf.variable(weight.clone(), false))]));
  }

  /** Folds in the weights after training step `step` (counted from 1 over the whole run, resumes included). */
  update(step: number): void {
    const decay = stepDecay(this.decay, step);
    this.tf.tidy(() => {
      for (const [name, average] of this.averages) average.assign(this.tf.add(this.tf.mul(average, decay), this.tf.mul(this.weights.get(name)!, 1 - decay)));
    });
  }

  /** Runs `body` with the averages in the weights' place, then puts the trained weights back. */
  async swappedIn<T>(body: () => Promise<T>): Promise<T> {
    const trained = new Map([...this.weights].map(([name, weight]) => [name, weight.clone()]));
    this.replaceWeights();
    try {
      return await body();
    } finally {
      for (const [name, values] of trained) this.weights.get(name)!.assign(values);
      this.tf.dispose([...trained.values()]);
    }
  }

  /** Makes the averages the weights, for good. */
  replaceWeights(): void {
    for (const [name, average] of this.averages) this.weights.get(name)!.assign(average);
  }

  /** The averages, in the weights' order: for a checkpoint. */
  values(): Promise<Map<string, Float32Array>> {
    return weightValues(this.averages);
  }

  /** Restores averages saved by `values`; with none saved, the averaging starts again from the current weights. */
  restore(values: Map<string, Float32Array> | null): void {
    for (const [name, average] of this.averages) {
      const saved = values?.get(name);
      this.tf.tidy(() => average.assign(saved ? this.tf.tensor(saved, average.shape) : this.weights.get(name)!));
    }
  }

  /** Once only: after replaceWeights the weights share the averages' memory, which this leaves to them. */
  dispose(): void {
    this.tf.dispose([...this.averages.values()]);
  }
}
