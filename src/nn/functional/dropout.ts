// dropout: during training, zero each value with probability p and scale the survivors by
// 1/(1 − p) ("inverted" dropout), so the expected value of every unit is unchanged and the
// network needs no rescaling at test time. Composed as x · mask with a constant mask.

import {
  allocate,
  describeValue,
  mul,
  type Rng,
  resolveRng,
  Tensor,
  type TensorLike,
  toTensor,
} from "../../tensor/index.ts";

/**
 * `F.dropout(x, p = 0.5, training = true, rng?)`: in training, each element is kept with
 * probability 1 − p and multiplied by 1/(1 − p); otherwise x is returned unchanged. The mask is
 * drawn from `rng`, or from the default generator when none is given, as PyTorch does (pass
 * `rng(seed)` for masks that replay exactly).
 */
export function dropout(input: TensorLike, p = 0.5, training = true, rng?: Rng): Tensor {
  const x = toTensor(input, "dropout", "the input");
  if (typeof p !== "number" || !(p >= 0 && p <= 1))
    throw new Error(`dropout: p must be a probability in [0, 1], found ${describeValue(p)}`);
  if (typeof training !== "boolean") {
    throw new Error(`dropout: training must be true or false, found ${describeValue(training)}`);
  }
  if (!training || p === 0) return x;
  const r = resolveRng("dropout", rng, "F.dropout(x, 0.5, true, rng(0))");
  const mask = allocate(x.data.length);
  const keep = 1 / (1 - p); // Infinity when p = 1, but then no unit is kept
  for (let k = 0; k < mask.length; k++) mask[k] = r.next() < p ? 0 : keep;
  return mul(x, new Tensor(mask, x.shape));
}
