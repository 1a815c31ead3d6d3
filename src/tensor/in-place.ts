// In-place updates for optimisers and initialisers. As in PyTorch they refuse to change a
// tensor that requires grad while the graph is recorded (wrap the update in noGrad), and each
// change bumps the version of the storage (shared with its views) so backward can refuse a
// graph it has invalidated. Code that writes `.data` itself calls `bumpVersion(t)`.
import { expectNumber } from "./arguments.ts";
import { currentForwardLevel, isGradEnabled } from "./grad-mode.ts";
import { type TensorLike, toTensor } from "./op.ts";
import { broadcastData } from "./ops/index.ts";
import { broadcastShapes, formatShape, sameShape } from "./shape.ts";
import type { Tensor } from "./tensor.ts";

/**
 * Counts one in-place write into `t`'s storage (every view of it sees the count). Call it after
 * writing into `t.data` directly — an optimizer step, an initialiser, a gradient clipped in
 * place — so a graph recorded before the write refuses to run backward instead of returning a
 * wrong gradient.
 */
export function bumpVersion(t: Tensor): void {
  t._bumpVersion();
}

/** Refuses in-place changes that would corrupt gradients, then counts the change. */
function checkInPlace(t: Tensor, op: string): void {
  if (t.requiresGrad && isGradEnabled()) {
    throw new Error(
      `${op}: ${t.name ? `"${t.name}"` : "this tensor"} requires grad, and changing it in place while the ` +
        "graph is recorded would corrupt the gradients — do the update inside noGrad(() => …)",
    );
  }
  const level = currentForwardLevel();
  if (level !== 0 && t._tangentLevel === level) {
    throw new Error(
      `${op}: inside jvp this tensor carries a tangent, which an in-place change would leave ` +
        "stale — use the op that returns a new tensor (add, mul, …) instead",
    );
  }
  t._bumpVersion();
}

/** t += alpha · other: the body of addInPlace and subInPlace (op names the caller). */
export function addScaled<T extends Tensor>(t: T, op: string, other: TensorLike, alpha: number): T {
  const D = t.data;
  expectNumber(op, "alpha", alpha);
  if (typeof other === "number") {
    checkInPlace(t, op);
    const v = alpha * other;
    for (let k = 0; k < D.length; k++) D[k] += v;
    return t;
  }
  const O = operand(t, op, other);
  if (alpha === 1) for (let k = 0; k < D.length; k++) D[k] += O[k];
  else for (let k = 0; k < D.length; k++) D[k] += alpha * O[k];
  return t;
}

/** The other operand of an in-place op as data of this tensor's size. */
function operand(t: Tensor, op: string, value: TensorLike): Float64Array {
  const other = toTensor(value, op);
  checkInPlace(t, op);
  if (sameShape(other.shape, t.shape)) return other.data;
  const shape = broadcastShapes(op, t.shape, other.shape);
  if (!sameShape(shape, t.shape)) {
    throw new Error(
      `${op}: shape ${formatShape(other.shape)} cannot broadcast to this tensor's shape ${formatShape(t.shape)}`,
    );
  }
  return broadcastData(other, t.shape);
}

/** t ∘= other */
export function mulInPlace<T extends Tensor>(t: T, other: TensorLike): T {
  const D = t.data;
  if (typeof other === "number") {
    checkInPlace(t, "mulInPlace");
    for (let k = 0; k < D.length; k++) D[k] *= other;
    return t;
  }
  const O = operand(t, "mulInPlace", other);
  for (let k = 0; k < D.length; k++) D[k] *= O[k];
  return t;
}

/** t ← other (broadcast) */
export function copyInPlace<T extends Tensor>(t: T, other: TensorLike): T {
  if (typeof other === "number") return fillInPlace(t, other, "copyInPlace");
  t.data.set(operand(t, "copyInPlace", other));
  return t;
}

/** Every element of t ← value */
export function fillInPlace<T extends Tensor>(t: T, value: number, op = "fillInPlace"): T {
  expectNumber(op, "the value", value, true);
  checkInPlace(t, op);
  t.data.fill(value);
  return t;
}
