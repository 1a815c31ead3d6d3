// `pow` takes a number exponent (the common x², recorded as one input with attrs
// `{ exponent: 2 }`) or a tensor exponent (two inputs, broadcasting).
import type { TensorLike } from "../op.ts";
import type { Tensor } from "../tensor.ts";
import { powTensor } from "./binary.ts";
import { powScalar } from "./unary.ts";

/** xᵉ element-wise; `e` a number or a tensor (broadcast against x). */
export function pow(x: TensorLike, e: TensorLike): Tensor {
  return typeof e === "number" ? powScalar(x, e) : powTensor(x, e);
}
