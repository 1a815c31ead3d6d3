// The op methods of a Tensor, each a thin wrapper over the op function of the same name in
// ops/ (x.add(y) is add(x, y)). Tensor extends this class, so the methods sit on its prototype
// chain; `this: Tensor` gives each one the whole tensor.

import { expectNumber } from "./arguments.ts";
import { addScaled, copyInPlace, fillInPlace, mulInPlace } from "./in-place.ts";
import type { TensorLike } from "./op.ts";
import * as ops from "./ops/index.ts";
import type { Tensor } from "./tensor.ts";

/** The methods `x.op(...)` for every op function; the state and autograd live in Tensor. */
export abstract class TensorMethods {
  // ── element-wise ──────────────────────────────────────────────────────────────────
  add(this: Tensor, other: TensorLike): Tensor {
    return ops.add(this, other);
  }
  sub(this: Tensor, other: TensorLike): Tensor {
    return ops.sub(this, other);
  }
  mul(this: Tensor, other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  div(this: Tensor, other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  pow(this: Tensor, exponent: TensorLike): Tensor {
    return ops.pow(this, exponent);
  }
  neg(this: Tensor): Tensor {
    return ops.neg(this);
  }
  exp(this: Tensor): Tensor {
    return ops.exp(this);
  }
  log(this: Tensor): Tensor {
    return ops.log(this);
  }
  sqrt(this: Tensor): Tensor {
    return ops.sqrt(this);
  }
  abs(this: Tensor): Tensor {
    return ops.abs(this);
  }
  tanh(this: Tensor): Tensor {
    return ops.tanh(this);
  }
  sigmoid(this: Tensor): Tensor {
    return ops.sigmoid(this);
  }
  relu(this: Tensor): Tensor {
    return ops.relu(this);
  }
  leakyRelu(this: Tensor, slope = 0.01): Tensor {
    return ops.leakyRelu(this, slope);
  }
  sin(this: Tensor): Tensor {
    return ops.sin(this);
  }
  cos(this: Tensor): Tensor {
    return ops.cos(this);
  }
  /** ln(1 + x), accurate for tiny x. */
  log1p(this: Tensor): Tensor {
    return ops.log1p(this);
  }
  /** Limits values to [min, max] (torch.clamp). */
  clamp(this: Tensor, min?: number, max?: number): Tensor {
    return ops.clamp(this, min, max);
  }

  // ── comparisons: 1 where true, 0 elsewhere; no gradient ──────────────────────────────
  gt(this: Tensor, other: TensorLike): Tensor {
    return ops.gt(this, other);
  }
  lt(this: Tensor, other: TensorLike): Tensor {
    return ops.lt(this, other);
  }
  ge(this: Tensor, other: TensorLike): Tensor {
    return ops.ge(this, other);
  }
  le(this: Tensor, other: TensorLike): Tensor {
    return ops.le(this, other);
  }
  eq(this: Tensor, other: TensorLike): Tensor {
    return ops.eq(this, other);
  }
  ne(this: Tensor, other: TensorLike): Tensor {
    return ops.ne(this, other);
  }
  /** This tensor with `value` wherever `mask` is non-zero (the mask broadcasts). */
  maskedFill(this: Tensor, mask: TensorLike, value: number): Tensor {
    return ops.maskedFill(this, mask, value);
  }

  // ── linear algebra and shape ──────────────────────────────────────────────────────
  /** Matrix product; batched over leading axes, which broadcast (torch.matmul). */
  matmul(this: Tensor, other: TensorLike): Tensor {
    return ops.matmul(this, other);
  }
  /** Batched matrix product of two 3-D tensors, [b,n,m] @ [b,m,p] (torch.bmm). */
  bmm(this: Tensor, other: TensorLike): Tensor {
    return ops.bmm(this, other);
  }
  transpose(this: Tensor, dim0?: number, dim1?: number): Tensor {
    return ops.transpose(this, dim0, dim1);
  }
  reshape(this: Tensor, ...shape: number[] | [readonly number[]]): Tensor {
    return ops.reshape(this, flatArgs(shape));
  }
  /** PyTorch's view: the same as reshape here (storage is always contiguous). */
  view(this: Tensor, ...shape: number[] | [readonly number[]]): Tensor {
    return ops.reshape(this, flatArgs(shape));
  }
  flatten(this: Tensor): Tensor {
    return ops.reshape(this, [this.data.length]);
  }
  /** Inserts an axis of size 1 at `axis`. */
  unsqueeze(this: Tensor, axis: number): Tensor {
    return ops.unsqueeze(this, axis);
  }
  /** Removes axes of size 1 (all, or the one given). */
  squeeze(this: Tensor, axis?: number): Tensor {
    return ops.squeeze(this, axis);
  }
  expand(this: Tensor, ...shape: number[] | [readonly number[]]): Tensor {
    return ops.expand(this, flatArgs(shape));
  }
  clone(this: Tensor): Tensor {
    return ops.clone(this);
  }
  /** Row `i` (axis 0, dropped): x.index(i) is x[i]; a negative `i` counts from the end. */
  index(this: Tensor, i: number): Tensor {
    return ops.indexRow(this, i);
  }
  /** Rows start … end−1 along axis 0 (x[start:end]); negative bounds count from the end. */
  slice(this: Tensor, start: number, end?: number): Tensor {
    return ops.sliceRows(this, start, end);
  }
  narrow(this: Tensor, axis: number, start: number, length: number): Tensor {
    return ops.narrow(this, axis, start, length);
  }
  select(this: Tensor, axis: number, index: number): Tensor {
    return ops.select(this, axis, index);
  }
  /** The axes in a new order: `x.permute(2, 0, 1)` or `x.permute([2, 0, 1])`. */
  permute(this: Tensor, ...dims: number[] | [readonly number[]]): Tensor {
    return ops.permute(this, flatArgs(dims));
  }
  /** Entries picked along `axis` by an index tensor of the same rank (torch.gather). */
  gather(this: Tensor, axis: number, index: TensorLike): Tensor {
    return ops.gather(this, axis, index);
  }

  // ── reductions ────────────────────────────────────────────────────────────────────
  /** Sum of all elements, or over one axis or several (`sum([0, 2])`). */
  sum(this: Tensor, axis?: number | readonly number[], keepdim = false): Tensor {
    return ops.sum(this, axis, keepdim);
  }
  /** Mean of all elements, or over one axis or several. */
  mean(this: Tensor, axis?: number | readonly number[], keepdim = false): Tensor {
    return ops.mean(this, axis, keepdim);
  }
  /**
   * The maximum of all elements, or along `axis` — then with `indices` too, as PyTorch's
   * `x.max(dim)`: `const { values, indices } = x.max(1)` (the result is also the values).
   */
  max(this: Tensor): Tensor;
  max(this: Tensor, axis: number, keepdim?: boolean): ops.MaxResult;
  max(this: Tensor, axis?: number, keepdim?: boolean): Tensor;
  max(this: Tensor, axis?: number, keepdim = false): Tensor {
    return ops.max(this, axis, keepdim);
  }
  /** The minimum, as `max` (with `indices` along an axis). */
  min(this: Tensor): Tensor;
  min(this: Tensor, axis: number, keepdim?: boolean): ops.MaxResult;
  min(this: Tensor, axis?: number, keepdim?: boolean): Tensor;
  min(this: Tensor, axis?: number, keepdim = false): Tensor {
    return ops.min(this, axis, keepdim);
  }
  /** Product of all elements, or along `axis`. */
  prod(this: Tensor, axis?: number, keepdim = false): Tensor {
    return ops.prod(this, axis, keepdim);
  }
  /** Running sums along `axis`. */
  cumsum(this: Tensor, axis: number): Tensor {
    return ops.cumsum(this, axis);
  }
  /** Variance (Bessel-corrected unless `{ correction: 0 }`) of all elements or over `axis`. */
  var(this: Tensor, axis?: ops.Axes, options?: ops.VarOptions): Tensor {
    return ops.variance(this, axis, options);
  }
  /** Standard deviation, √var. */
  std(this: Tensor, axis?: ops.Axes, options?: ops.VarOptions): Tensor {
    return ops.std(this, axis, options);
  }
  /** The p-norm (default 2; Infinity the largest |x|) of all elements or along `axis`. */
  norm(this: Tensor, p = 2, axis?: number, keepdim = false): Tensor {
    return ops.norm(this, p, axis, keepdim);
  }
  /** log Σ exp(x) of all elements or along `axis`, without overflow. */
  logsumexp(this: Tensor, axis?: number, keepdim = false): Tensor {
    return ops.logsumexp(this, axis, keepdim);
  }
  /** Index of the maximum along `axis` (or in the flattened tensor); not differentiable. */
  argmax(this: Tensor, axis?: number, keepdim = false): Tensor {
    return ops.argmax(this, axis, keepdim);
  }
  /** Index of the minimum along `axis` (or in the flattened tensor); not differentiable. */
  argmin(this: Tensor, axis?: number, keepdim = false): Tensor {
    return ops.argmin(this, axis, keepdim);
  }
  softmax(this: Tensor, axis = -1): Tensor {
    return ops.softmax(this, axis);
  }
  logSoftmax(this: Tensor, axis = -1): Tensor {
    return ops.logSoftmax(this, axis);
  }

  // ── in place (optimisers) ─────────────────────────────────────────────────────────
  /** this += alpha · other (other broadcast to this shape). Outside noGrad only for tensors without grad. */
  addInPlace<T extends Tensor>(this: T, other: TensorLike, alpha = 1): T {
    return addScaled(this, "addInPlace", other, alpha);
  }
  /** this −= alpha · other. The SGD step: `noGrad(() => w.subInPlace(w.grad!, lr))`. */
  subInPlace<T extends Tensor>(this: T, other: TensorLike, alpha = 1): T {
    return addScaled(this, "subInPlace", other, -expectNumber("subInPlace", "alpha", alpha));
  }
  /** this ∘= other. */
  mulInPlace<T extends Tensor>(this: T, other: TensorLike): T {
    return mulInPlace(this, other);
  }
  /** Overwrites the values with `other`'s (broadcast). */
  copyInPlace<T extends Tensor>(this: T, other: TensorLike): T {
    return copyInPlace(this, other);
  }
  /** Sets every element to `value`. */
  fillInPlace<T extends Tensor>(this: T, value: number): T {
    return fillInPlace(this, value);
  }
}

function flatArgs(shape: number[] | [readonly number[]]): readonly number[] {
  return Array.isArray(shape[0]) ? (shape[0] as readonly number[]) : (shape as number[]);
}
