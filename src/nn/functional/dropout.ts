// dropout: during training, zero each value with probability p and scale the survivors by
// 1/(1 − p) ("inverted" dropout), so the expected value of every unit is unchanged and the
// network needs no rescaling at test time. Composed as x · mask with a constant mask.
import { mul } from "../../tensor/ops/binary.ts";
import type { Rng } from "../../tensor/rng.ts";
import { Tensor } from "../../tensor/tensor.ts";

/**
 * `F.dropout(x, p = 0.5, training = true, rng)`: in training, each element is kept with
 * probability 1 − p and multiplied by 1/(1 − p); otherwise x is returned unchanged.
 */
export function dropout(x: Tensor, p = 0.5, training = true, rng?: Rng): Tensor {
  if (!(p >= 0 && p <= 1))
    throw new Error(`dropout: p must be a probability in [0, 1], found ${p}`);
  if (!training || p === 0) return x;
  if (!rng) {
    throw new Error(
      "dropout: in training mode it needs a random generator: F.dropout(x, p, true, rng(seed))",
    );
  }
  const mask = new Float64Array(x.data.length);
  const keep = 1 / (1 - p); // Infinity when p = 1, but then no unit is kept
  for (let k = 0; k < mask.length; k++) mask[k] = rng.next() < p ? 0 : keep;
  return mul(x, new Tensor(mask, x.shape));
}
