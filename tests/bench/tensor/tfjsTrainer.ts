// The same gradient step in TensorFlow.js on its pure-JavaScript CPU backend: the library a
// reader would otherwise reach for in a browser. Float32 inside, as TF.js offers no Float64.
import type * as TfTypes from "@tensorflow/tfjs-core";
import type { FusedTrainer, MlpWeights } from "./handFused.ts";
import type { Tf } from "./loadTfjs.ts";

/**
 * A TF.js trainer for the same MLP (tanh hidden layers, linear output), MSE loss and SGD:
 * `optimizer.minimize` runs forward, loss, backward (tf.variableGrads) and the update.
 */
export function tfjsTrainer(
  tf: Tf,
  start: MlpWeights,
  x: Float64Array,
  t: Float64Array,
  lr: number,
): FusedTrainer & { dispose(): void } {
  const sizes = start.sizes;
  const L = sizes.length - 1;
  const n = x.length / sizes[0];
  const xs = tf.tensor2d(Float32Array.from(x), [n, sizes[0]]);
  const ts = tf.tensor2d(Float32Array.from(t), [n, sizes[L]]);
  // TF.js multiplies a [n, in] batch by a [in, out] kernel, so the weights go in transposed.
  const W = start.W.map((w, l) =>
    tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(w), [sizes[l + 1], sizes[l]]))),
  );
  const b = start.b.map((v) => tf.variable(tf.tensor1d(Float32Array.from(v))));
  const optimizer = tf.train.sgd(lr);

  function lossFn(): TfTypes.Scalar {
    let a: TfTypes.Tensor = xs;
    for (let l = 0; l < L; l++) {
      const z = tf.add(tf.matMul(a as TfTypes.Tensor2D, W[l]), b[l]);
      a = l === L - 1 ? z : tf.tanh(z);
    }
    return tf.mean(tf.square(tf.sub(a, ts))) as TfTypes.Scalar;
  }

  function step(): number {
    const loss = optimizer.minimize(lossFn, true) as TfTypes.Scalar;
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  function dispose(): void {
    for (const v of [...W, ...b, xs, ts]) v.dispose();
    optimizer.dispose();
  }

  const weights: MlpWeights = {
    sizes,
    get W() {
      return W.map((w) => Float64Array.from(tf.transpose(w).dataSync()));
    },
    get b() {
      return b.map((v) => Float64Array.from(v.dataSync()));
    },
  };
  return { step, weights, dispose };
}
