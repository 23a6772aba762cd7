// An exponential moving average of the weights over the training steps (Polyak averaging). With a
// few dozen labelled incidents, supervised training jumps from step to step, and which side of a
// jump an epoch ends on decides the model; the average over the last 1/(1 - decay) steps does not
// jump. Validation, early stopping and the saved model all use the average.
import type { TfModule } from '../../runtime/tf.js';
import type { Weights } from '../../model/weights.js';

export class WeightAverage {
  private readonly averages: Weights;

  constructor(
    private readonly tf: TfModule,
    private readonly weights: Weights,
    private readonly decay: number,
  ) {
    this.averages = new Map([...weights].map(([name, weight]) => [name, tf.variable(weight.clone(), false)]));
  }

  /** average = decay · average + (1 - decay) · weights, after each optimizer step. */
  update(): void {
    this.tf.tidy(() => {
      for (const [name, average] of this.averages) average.assign(this.tf.add(this.tf.mul(average, this.decay), this.tf.mul(this.weights.get(name)!, 1 - this.decay)));
    });
  }

  /** Runs `body` with the averages in the weights' place, then puts the trained weights back. */
  async swappedIn<T>(body: () => Promise<T>): Promise<T> {
    const trained = new Map([...this.weights].map(([name, weight]) => [name, weight.clone()]));
    this.applied();
    try {
      return await body();
    } finally {
      for (const [name, values] of trained) this.weights.get(name)!.assign(values);
      this.tf.dispose([...trained.values()]);
    }
  }

  /** Makes the averages the weights, for good. */
  applied(): void {
    for (const [name, average] of this.averages) this.weights.get(name)!.assign(average);
  }

  /** The averages, in the weights' order: for a checkpoint. */
  async values(): Promise<Map<string, Float32Array>> {
    const values = new Map<string, Float32Array>();
    for (const [name, average] of this.averages) values.set(name, (await average.data()) as Float32Array);
    return values;
  }

  /** Restores averages saved by `values`; with none saved, the averaging starts from the current weights. */
  restore(values: Map<string, Float32Array> | null): void {
    for (const [name, average] of this.averages) {
      const saved = values?.get(name);
      this.tf.tidy(() => average.assign(saved ? this.tf.tensor(saved, average.shape) : this.weights.get(name)!));
    }
  }

  dispose(): void {
    this.tf.dispose([...this.averages.values()]);
  }
}
