// nn.init: fill a weight tensor in place with random values of a chosen spread, as
// torch.nn.init does. Fans follow PyTorch: for a weight [out, in, …kernel], fanIn = in·k and
// fanOut = out·k, where k is the number of kernel positions (1 for a linear layer). Without a
// generator the values come from the default generator (see `manualSeed`), as in PyTorch. Each
// fill is an in-place write: it bumps the tensor's version, so a graph recorded before it is
// refused by backward instead of giving a wrong gradient.

import {
  bumpVersion,
  describeValue,
  expectNumber,
  formatShape,
  type Rng,
  resolveRng,
  Tensor,
} from "../tensor/index.ts";

/** The tensor to fill, checked: initialisers write into an existing tensor, not into data. */
function target(t: unknown, op: string): Tensor {
  if (t instanceof Tensor) return t;
  throw new Error(
    `nn.init.${op}: expected the tensor to fill in place (e.g. layer.weight), found ${describeValue(t)}`,
  );
}

function generator(r: unknown, op: string): Rng {
  return resolveRng(`nn.init.${op}`, r, `nn.init.${op}(w, rng(0))`);
}

/** fanIn and fanOut of a weight tensor of shape [out, in, …kernel]. */
export function fans(t: Tensor, op = "init"): { fanIn: number; fanOut: number } {
  const shape = target(t, op).shape;
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

function fillNormal(t: Tensor, r: Rng, mean: number, std: number): Tensor {
  const D = t.data;
  for (let k = 0; k < D.length; k++) D[k] = mean + std * r.normal();
  bumpVersion(t);
  return t;
}

function fillUniform(t: Tensor, r: Rng, low: number, high: number): Tensor {
  const D = t.data;
  for (let k = 0; k < D.length; k++) D[k] = low + (high - low) * r.next();
  bumpVersion(t);
  return t;
}

/** Fills `t` with samples of N(mean, std²). */
export function normal(t: Tensor, rng?: Rng, mean = 0, std = 1): Tensor {
  return fillNormal(
    target(t, "normal"),
    generator(rng, "normal"),
    expectNumber("nn.init.normal", "mean", mean),
    expectNumber("nn.init.normal", "std", std),
  );
}

/** Fills `t` with samples of U(low, high). */
export function uniform(t: Tensor, rng?: Rng, low = 0, high = 1): Tensor {
  return fillUniform(
    target(t, "uniform"),
    generator(rng, "uniform"),
    expectNumber("nn.init.uniform", "low", low),
    expectNumber("nn.init.uniform", "high", high),
  );
}

/**
 * Xavier/Glorot normal: N(0, σ²) with σ² = gain² · 2/(fanIn + fanOut), which keeps the spread
 * of activations and of gradients about the same from layer to layer (Glorot & Bengio, 2010).
 */
export function xavierNormal(t: Tensor, rng?: Rng, gain = 1): Tensor {
  const { fanIn, fanOut } = fans(t, "xavierNormal");
  const g = expectNumber("nn.init.xavierNormal", "gain", gain);
  return fillNormal(t, generator(rng, "xavierNormal"), 0, g * Math.sqrt(2 / (fanIn + fanOut)));
}

/** Xavier/Glorot uniform: U(−a, a) with a = gain·√(6/(fanIn + fanOut)), the same variance. */
export function xavierUniform(t: Tensor, rng?: Rng, gain = 1): Tensor {
  const { fanIn, fanOut } = fans(t, "xavierUniform");
  const a = expectNumber("nn.init.xavierUniform", "gain", gain) * Math.sqrt(6 / (fanIn + fanOut));
  return fillUniform(t, generator(rng, "xavierUniform"), -a, a);
}

/** He/Kaiming normal for ReLU layers: N(0, 2/fanIn) (torch.nn.init.kaiming_normal_). */
export function heNormal(t: Tensor, rng?: Rng): Tensor {
  const { fanIn } = fans(t, "heNormal");
  return fillNormal(t, generator(rng, "heNormal"), 0, Math.sqrt(2 / fanIn));
}

/** He/Kaiming uniform for ReLU layers: U(−a, a) with a = √(6/fanIn). */
export function heUniform(t: Tensor, rng?: Rng): Tensor {
  const { fanIn } = fans(t, "heUniform");
  const a = Math.sqrt(6 / fanIn);
  return fillUniform(t, generator(rng, "heUniform"), -a, a);
}

/** Fills `t` with `value`. */
export function constant(t: Tensor, value: number): Tensor {
  const w = target(t, "constant");
  w.data.fill(expectNumber("nn.init.constant", "value", value, true));
  bumpVersion(w);
  return w;
}

/** Fills `t` with zeros; with every weight equal, all units of a layer stay identical. */
export function zeros(t: Tensor): Tensor {
  return constant(target(t, "zeros"), 0);
}
