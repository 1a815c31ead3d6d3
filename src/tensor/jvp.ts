// Forward mode with dual numbers. Each input becomes x + ẋε: the tensor carries its tangent ẋ,
// and every op, as it computes its value, also computes its output's tangent with the op's own
// forward-mode rule (next to its forward and backward, in the op's file). Nothing is recorded:
// f runs once under noGrad, each intermediate is dropped as soon as f is done with it, so the
// memory is that of evaluating f, not of a graph — the point of chapter 7.
import { currentForwardLevel, noGrad, withForwardLevel } from "./grad-mode.ts";
import { type TensorLike, toTensor } from "./op.ts";
import { formatShape, sameShape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** What `jvp` returns: f(inputs) and its directional derivative J·tangents. */
export interface JvpResult {
  value: Tensor;
  tangent: Tensor;
}

/**
 * Forward-mode derivative of `f` at `inputs` in the direction `tangents` (one per input, same
 * shapes), as torch.func.jvp: returns f(inputs) and J·tangents, computed in one pass of f.
 */
export function jvp(
  f: (...inputs: Tensor[]) => Tensor,
  inputs: readonly TensorLike[],
  tangents: readonly TensorLike[],
): JvpResult {
  if (typeof f !== "function") {
    throw new Error(
      `jvp: the first argument must be the function to differentiate, e.g. jvp((x) => x.tanh(), [x], [v])`,
    );
  }
  if (!Array.isArray(inputs) || !Array.isArray(tangents)) {
    throw new Error(
      "jvp: pass the inputs and the tangents as two lists, e.g. jvp(f, [x, y], [dx, dy])",
    );
  }
  if (inputs.length !== tangents.length) {
    throw new Error(
      `jvp: ${inputs.length} inputs but ${tangents.length} tangents — give one tangent per input`,
    );
  }
  return withForwardLevel((level) => {
    const primals = inputs.map((input, i) => {
      const x = toTensor(input, "jvp", `input ${i}`);
      const t = toTensor(tangents[i], "jvp", `tangent ${i}`);
      if (!sameShape(x.shape, t.shape)) {
        throw new Error(
          `jvp: input ${i} has shape ${formatShape(x.shape)} but its tangent has shape ${formatShape(t.shape)}`,
        );
      }
      // The dual number x + ẋε: x's values (shared, not copied) with the tangent attached.
      const dual = new Tensor(x.data, x.shape);
      dual._base = x._base;
      dual.name = x.name;
      dual._tangent = t.detach();
      dual._tangentLevel = level;
      return dual;
    });
    const value = noGrad(() => f(...primals));
    if (!(value instanceof Tensor)) {
      throw new Error(
        `jvp: f must return a tensor, found ${value === undefined ? "nothing" : typeof value}`,
      );
    }
    const moved = value._tangentLevel === currentForwardLevel() ? value._tangent : null;
    return {
      value: value.detach(),
      // An output that does not depend on the inputs has tangent 0.
      tangent: moved ?? new Tensor(new Float64Array(value.data.length), value.shape),
    };
  });
}
