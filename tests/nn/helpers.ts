import type { Tensor } from "../../src/index.ts";

/** The gradient backward() left on `t`; fails the test if there is none. */
export function gradOf(t: Tensor): Tensor {
  if (t.grad === null)
    throw new Error(`expected a gradient on ${t.name ?? "the tensor"} after backward()`);
  return t.grad;
}
