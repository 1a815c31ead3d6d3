// The record an op leaves on the tensor it produced. The engine only ever writes these;
// graph/ reads them as plain data to draw the graph and write out each chain-rule step.
import type { Tensor } from "./tensor.ts";

/** How a non-leaf tensor was computed. Leaves (inputs, parameters, constants) have none. */
export interface GradNode {
  /** Op name as the user called it: "add", "mul", "matmul", "tanh", "pow", "sum", "mean", … */
  readonly op: string;
  /** Inputs in argument order. The same tensor may appear twice (`x.mul(x)`). */
  readonly inputs: readonly Tensor[];
  /** Non-tensor arguments, e.g. `{ exponent: 2 }`, `{ axis: 1, keepdim: false }`. */
  readonly attrs: Readonly<Record<string, unknown>>;
  /**
   * Vector–Jacobian product for input `i`: given ∂L/∂out (same shape as the output), returns
   * ∂L/∂inputs[i] as a tensor of inputs[i]'s shape (broadcast dimensions already summed away).
   */
  vjp(i: number, gradOut: Tensor): Tensor;
  /**
   * The local derivative ∂out/∂inputs[i] element by element, shaped like the output, for
   * element-wise ops (unary, and binary with broadcasting); null where the op is not
   * element-wise (matmul, sum, reshape, …) and the view must show a formula instead.
   */
  localGrad(i: number): Tensor | null;
}
