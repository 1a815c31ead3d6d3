// nn.init: fill a weight tensor in place with random values of a chosen spread, as
// torch.nn.init does. Fans follow PyTorch: for a weight [out, in, …kernel], fanIn = in·k and
// fanOut = out·k, where k is the number of kernel positions (1 for a linear layer).

import type { Rng } from "../tensor/rng.ts";
import { formatShape } from "../tensor/shape.ts";
import type { Tensor } from "../tensor/tensor.ts";

/** fanIn and fanOut of a weight tensor of shape [out, in, …kernel]. */
export function fans(t: Tensor, op = "init"): { fanIn: number; fanOut: number } {
  const shape = t.shape;
  if (shape.length < 2) {
    throw new Error(
      `nn.init.${op}: needs a weight with at least 2 dimensions [out, in, …], found ${formatShape(shape)} ` +
        "(biases are usually set with nn.init.zeros)",
    );
  }
  let receptive = 1;
  for (let i = 2; i < shape.length; i++) receptive *= shape[i];
  return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
}

/** Fills `t` with samples of N(mean, std²). */
export function normal(t: Tensor, rng: Rng, mean = 0, std = 1): Tensor {
  const D = t.data;
  for (let k = 0; k < D.length; k++) D[k] = mean + std * rng.normal();
  return t;
}

/** Fills `t` with samples of U(low, high). */
export function uniform(t: Tensor, rng: Rng, low = 0, high = 1): Tensor {
  const D = t.data;
  for (let k = 0; k < D.length; k++) D[k] = low + (high - low) * rng.next();
  return t;
}

/**
 * Xavier/Glorot normal: N(0, σ²) with σ² = gain² · 2/(fanIn + fanOut), which keeps the spread
 * of activations and of gradients about the same from layer to layer (Glorot & Bengio, 2010).
 */
export function xavierNormal(t: Tensor, rng: Rng, gain = 1): Tensor {
  const { fanIn, fanOut } = fans(t, "xavierNormal");
  return normal(t, rng, 0, gain * Math.sqrt(2 / (fanIn + fanOut)));
}

/** Xavier/Glorot uniform: U(−a, a) with a = gain·√(6/(fanIn + fanOut)), the same variance. */
export function xavierUniform(t: Tensor, rng: Rng, gain = 1): Tensor {
  const { fanIn, fanOut } = fans(t, "xavierUniform");
  const a = gain * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(t, rng, -a, a);
}

/** He/Kaiming normal for ReLU layers: N(0, 2/fanIn) (torch.nn.init.kaiming_normal_). */
export function heNormal(t: Tensor, rng: Rng): Tensor {
  const { fanIn } = fans(t, "heNormal");
  return normal(t, rng, 0, Math.sqrt(2 / fanIn));
}

/** He/Kaiming uniform for ReLU layers: U(−a, a) with a = √(6/fanIn). */
export function heUniform(t: Tensor, rng: Rng): Tensor {
  const { fanIn } = fans(t, "heUniform");
  const a = Math.sqrt(6 / fanIn);
  return uniform(t, rng, -a, a);
}

/** Fills `t` with `value`. */
export function constant(t: Tensor, value: number): Tensor {
  t.data.fill(value);
  return t;
}

/** Fills `t` with zeros; with every weight equal, all units of a layer stay identical. */
export function zeros(t: Tensor): Tensor {
  return constant(t, 0);
}
