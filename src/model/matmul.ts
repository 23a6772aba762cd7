// Dense layers and matrix products whose gradients never ask the backend for a transposed operand.
// The wasm backend multiplies plain 2-D operands with XNNPACK but transposed ones on a slow path,
// and the default gradients of a·b are dy·bᵀ and aᵀ·dy: materialising the transposes first, and
// fusing bias and ReLU into the product, makes a training step several times faster there.
// Batched products (attention's) go to a SIMD kernel instead of the backend's scalar loops.
import type { TfModule } from '../runtime/tf.js';
import { batchedMatMul, kernelShapes, simdKernelApplies } from '../runtime/batched-matmul.js';

type Tensor = ReturnType<TfModule['tensor']>;
type Save = (tensors: Tensor[]) => void;

/** Swaps the last two axes, as a real copy. */
export function swapLast(tf: TfModule, x: Tensor): Tensor {
  const axes = x.shape.map((_, i) => i);
  [axes[axes.length - 2], axes[axes.length - 1]] = [axes[axes.length - 1], axes[axes.length - 2]];
  return tf.transpose(x, axes);
}

/** Batched operands go to the SIMD kernel where the backend would loop over them slowly. */
function product(tf: TfModule, a: Tensor, b: Tensor): Tensor {
  return a.rank > 2 && kernelShapes(a, b) && simdKernelApplies(tf) ? batchedMatMul(tf, a, b) : tf.matMul(a, b);
}

/**
 * a·b for operands of equal rank (2 or more, same leading axes), both differentiable. First-order
 * gradients only where the SIMD kernel takes the product (it is not on the gradient tape), which
 * is all training needs.
 */
export function matMul(tf: TfModule, a: Tensor, b: Tensor): Tensor {
  const differentiable = tf.customGrad((...args) => {
    const [x, y, save] = args as [Tensor, Tensor, Save];
    save([x, y]);
    return {
      value: product(tf, x, y),
      gradFunc: (dy, saved) => [product(tf, dy as Tensor, swapLast(tf, saved[1])), product(tf, swapLast(tf, saved[0]), dy as Tensor)],
    };
  });
  return differentiable(a, b) as Tensor;
}

export interface DenseOptions {
  readonly relu?: boolean;
  /** false when the inputs are data, not activations: their gradient is then a zero tensor instead of dy·kernelᵀ. */
  readonly inputGradient?: boolean;
}

/** [rows, in]·kernel [in, out] + bias [out], optionally through ReLU, in one fused kernel. */
export function dense(tf: TfModule, inputs: Tensor, kernel: Tensor, bias: Tensor, options: DenseOptions = {}): Tensor {
  const layer = tf.customGrad((...args) => {
    const [x, w, b, save] = args as [Tensor, Tensor, Tensor, Save];
    const y = tf.fused.matMul({ a: x as never, b: w as never, bias: b, activation: options.relu ? 'relu' : 'linear' });
    save([x, w, y]);
    return {
      value: y,
      gradFunc: (dy, [xs, ws, ys]) => {
        const grad = options.relu ? tf.mul(dy as Tensor, tf.step(ys)) : (dy as Tensor);
        const dx = options.inputGradient === false ? tf.zerosLike(xs) : tf.matMul(grad, swapLast(tf, ws));
        return [dx, tf.matMul(swapLast(tf, xs), grad), tf.sum(grad, 0)];
      },
    };
  });
  return layer(inputs, kernel, bias) as Tensor;
}

/** Layer normalisation over the last axis, with its closed-form gradient (a handful of kernels instead of dozens). */
export function layerNorm(tf: TfModule, input: Tensor, gamma: Tensor, beta: Tensor): Tensor {
  const norm = tf.customGrad((...args) => {
    const [x, g, b, save] = args as [Tensor, Tensor, Tensor, Save];
    const { mean, variance } = tf.moments(x, -1, true);
    const inverse = tf.rsqrt(tf.add(variance, 1e-5));
    const normalised = tf.mul(tf.sub(x, mean), inverse);
    save([normalised, inverse, g]);
    return {
      value: tf.add(tf.mul(normalised, g), b),
      gradFunc: (dy, [xhat, rstd, gs]) => {
        const rows = dy.size / dy.shape[dy.rank - 1];
        const flatDy = tf.reshape(dy as Tensor, [rows, -1]);
        const flatXhat = tf.reshape(xhat, [rows, -1]);
        const dxhat = tf.mul(dy as Tensor, gs);
        const meanDxhat = tf.mean(dxhat, -1, true);
        const meanDxhatXhat = tf.mean(tf.mul(dxhat, xhat), -1, true);
        const dx = tf.mul(rstd, tf.sub(tf.sub(dxhat, meanDxhat), tf.mul(xhat, meanDxhatXhat)));
        return [dx, tf.sum(tf.mul(flatDy, flatXhat), 0), tf.sum(flatDy, 0)];
      },
    };
  });
  return norm(input, gamma, beta) as Tensor;
}
