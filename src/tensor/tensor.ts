// The Tensor: a row-major Float64Array, a shape, and — when it came out of a recorded op —
// the GradNode saying how. Methods are thin wrappers over the op functions in ops/.

import { describeValue, expectNumber } from "./arguments.ts";
import { type BackwardOptions, backward } from "./autograd.ts";
import { formatTensor } from "./format.ts";
import { addScaled, copyInPlace, fillInPlace, mulInPlace } from "./in-place.ts";
import type { GradNode } from "./node.ts";
import type { TensorLike } from "./op.ts";
import {
  type Axes,
  abs,
  add,
  argmax,
  argmin,
  bmm,
  clamp,
  clone,
  cos,
  cumsum,
  div,
  eq,
  exp,
  expand,
  gather,
  ge,
  gt,
  indexRow,
  le,
  leakyRelu,
  log,
  log1p,
  logSoftmax,
  logsumexp,
  lt,
  type MaxResult,
  maskedFill,
  matmul,
  max,
  mean,
  min,
  mul,
  narrow,
  ne,
  neg,
  norm,
  permute,
  pow,
  prod,
  relu,
  reshape,
  select,
  sigmoid,
  sin,
  sliceRows,
  softmax,
  sqrt,
  squeeze,
  std,
  sub,
  sum,
  tanh,
  transpose,
  unsqueeze,
  type VarOptions,
  variance,
} from "./ops/index.ts";
import { formatShape, sameShape, sizeOf } from "./shape.ts";

/**
 * A function `registerHook` calls with a tensor's gradient; returning a Tensor replaces the
 * gradient, returning nothing keeps it.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that only looks returns nothing
export type GradHook = (grad: Tensor) => Tensor | undefined | void;

/** Nested arrays of numbers, as `toArray()` returns them (a number for a scalar). */
export type NestedArray = number | NestedArray[];

let nextId = 1;

// PyTorch's words (in TypeScript casing), so a student searching for them finds the answer.
const NON_LEAF_FLAG =
  "requiresGrad: you can only change requiresGrad flags of leaf variables. If you want to use " +
  "a computed variable in a subgraph that doesn't require differentiation use " +
  "varNoGrad = var.detach().";

/** An n-dimensional array of float64 values that records the ops applied to it. */
export class Tensor {
  /** Unique, increasing with creation order. */
  readonly id: number = nextId++;
  /** @internal backing field of `grad` */
  _grad: Tensor | null = null;
  /** @internal functions registerHook added, run on this tensor's gradient in backward */
  _hooks: GradHook[] | null = null;
  /** @internal backing field of `requiresGrad` */
  _requiresGrad = false;
  /** How this tensor was computed; null for leaves (inputs, parameters, constants). */
  gradFn: GradNode | null = null;
  /** True for the scalar tensors made from plain numbers passed to an op. */
  isConstant = false;
  /** A label for the graph view and error messages, e.g. "W1". */
  name: string | undefined = undefined;

  /** @internal running gradient during one backward pass */
  _acc: Tensor | null = null;
  /** @internal whether `_acc`'s storage belongs to this tensor alone */
  _accOwned = false;
  /** @internal traversal stamp of topologicalOrder */
  _visit = 0;
  /** @internal set by retainGrad() */
  _retainsGrad = false;
  /**
   * @internal the tensor whose storage this one shares: itself, or for a view made by
   * reshape/view/detach the tensor it views. Aliases share one version counter.
   */
  _base: Tensor = this;
  /** @internal writes into this storage so far; kept on the base only */
  _writes = 0;
  /** @internal the forward-mode tangent ẋ of the dual number x + ẋε, valid at `_tangentLevel` */
  _tangent: Tensor | null = null;
  /** @internal the jvp level `_tangent` belongs to (0: none) */
  _tangentLevel = 0;

  /**
   * Wraps existing storage (not copied). Most code calls `tensor(...)` instead.
   * @param data row-major values, `sizeOf(shape)` of them. To keep values longer than the
   *   tensor, keep `data` itself or a copy (`data.slice()`), not a `subarray` of it: an op
   *   result's storage is reused once the tensor and its `data` are garbage.
   * @param shape sizes along each axis; [] for a scalar
   */
  constructor(
    readonly data: Float64Array,
    readonly shape: readonly number[],
  ) {
    if (data.length !== sizeOf(shape)) {
      throw new Error(
        `Tensor: ${data.length} values do not fill shape ${formatShape(shape)} (${sizeOf(shape)} needed)`,
      );
    }
  }

  /**
   * ∂L/∂this after `backward()` — kept on leaves that require grad (and on `retainGrad()`
   * tensors). Setting it is checked: a Tensor of this tensor's shape, or null.
   */
  get grad(): Tensor | null {
    return this._grad;
  }
  set grad(g: Tensor | null) {
    if (g !== null && !(g instanceof Tensor && sameShape(g.shape, this.shape))) {
      throw new Error(
        `.grad: expected a Tensor of this tensor's shape ${formatShape(this.shape)} (or null), found ${
          g instanceof Tensor ? `a Tensor of shape ${formatShape(g.shape)}` : describeValue(g)
        }`,
      );
    }
    this._grad = g;
  }

  /**
   * Whether gradients flow to this tensor. Only a leaf's flag can be changed; a computed
   * tensor requires grad because its inputs do (use `detach()` to cut it off), as in PyTorch.
   */
  get requiresGrad(): boolean {
    return this._requiresGrad;
  }
  set requiresGrad(flag: boolean) {
    if (typeof flag !== "boolean") {
      throw new Error(`requiresGrad: expected true or false, found ${describeValue(flag)}`);
    }
    if (this.gradFn !== null && !flag) throw new Error(NON_LEAF_FLAG);
    this._requiresGrad = flag;
  }

  /**
   * How many times this tensor's storage (shared with its views) was written in place, as
   * PyTorch's `_version`. Ops that keep a tensor for their backward note its version; backward
   * refuses if it has moved since.
   */
  get _version(): number {
    return this._base._writes;
  }

  /** @internal counts one in-place write into this storage (every alias sees it) */
  _bumpVersion(): void {
    this._base._writes++;
  }

  /** True when no recorded op produced this tensor. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** Number of axes. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  numel(): number {
    return this.data.length;
  }

  /** The shape, or the size along one axis (torch's size()). */
  size(): readonly number[];
  size(axis: number): number;
  size(axis?: number): readonly number[] | number {
    if (axis === undefined) return this.shape;
    const a = axis < 0 ? axis + this.shape.length : axis;
    const s = this.shape[a];
    if (s === undefined)
      throw new Error(`size: axis ${axis} is out of range for shape ${formatShape(this.shape)}`);
    return s;
  }

  /** The value of a one-element tensor as a number. */
  item(): number {
    if (this.data.length !== 1) {
      throw new Error(
        `item: expected a tensor with one element, found shape ${formatShape(this.shape)}`,
      );
    }
    return this.data[0];
  }

  /** The values as nested arrays (a number for a scalar). */
  toArray(): NestedArray {
    const build = (axis: number, offset: number): NestedArray => {
      if (axis === this.shape.length) return this.data[offset];
      const n = this.shape[axis];
      const stride = sizeOf(this.shape.slice(axis + 1));
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = build(axis + 1, offset + i * stride);
      return out;
    };
    return build(0, 0);
  }

  /**
   * Same storage, cut from the graph: no gradFn, no requiresGrad. Writing into it in place
   * counts as a write into this tensor too (they share the version counter).
   */
  detach(): Tensor {
    const t = new Tensor(this.data, this.shape);
    t._base = this._base;
    t.name = this.name;
    return t;
  }

  /** Marks this tensor as one gradients flow to (a leaf); returns this. */
  requiresGrad_(flag = true): this {
    this.requiresGrad = flag;
    return this;
  }

  /** Keep `.grad` on this intermediate tensor after backward (leaves keep it anyway). */
  retainGrad(): this {
    if (!this.requiresGrad) {
      throw new Error(
        "retainGrad: this tensor does not require grad, so it will never receive a gradient",
      );
    }
    this._retainsGrad = true;
    return this;
  }

  /**
   * Reverse mode from this tensor: adds ∂this/∂t to `t.grad` for every leaf t that requires
   * grad. Without a gradient this tensor must be a scalar. The graph is used up unless
   * `{ retainGraph: true }`; `{ createGraph: true }` records the backward for a second
   * derivative. `y.backward()`, `y.backward(g)`, `y.backward({ retainGraph: true })`,
   * `y.backward(g, { createGraph: true })`.
   */
  backward(gradient?: TensorLike | BackwardOptions, options?: BackwardOptions): void {
    if (isOptions(gradient)) backward(this, undefined, gradient);
    else backward(this, gradient, options);
  }

  /**
   * Calls `hook(grad)` with this tensor's gradient each time backward computes it, before it
   * flows on (or into `.grad`); a hook that returns a Tensor replaces the gradient. Returns a
   * handle whose `remove()` takes the hook off (torch's register_hook).
   */
  registerHook(hook: GradHook): { remove(): void } {
    if (typeof hook !== "function") {
      throw new Error(
        `registerHook: expected a function of the gradient, e.g. x.registerHook((g) => console.log(g)), found ${describeValue(hook)}`,
      );
    }
    if (!this.requiresGrad) {
      throw new Error(
        "registerHook: this tensor does not require grad, so no gradient will ever reach the hook",
      );
    }
    if (this._hooks === null) this._hooks = [];
    this._hooks.push(hook);
    return {
      remove: () => {
        const list = this._hooks ?? [];
        const k = list.indexOf(hook);
        if (k >= 0) list.splice(k, 1);
        if (list.length === 0) this._hooks = null;
      },
    };
  }

  // ── element-wise ──────────────────────────────────────────────────────────────────
  add(other: TensorLike): Tensor {
    return add(this, other);
  }
  sub(other: TensorLike): Tensor {
    return sub(this, other);
  }
  mul(other: TensorLike): Tensor {
    return mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return div(this, other);
  }
  pow(exponent: TensorLike): Tensor {
    return pow(this, exponent);
  }
  neg(): Tensor {
    return neg(this);
  }
  exp(): Tensor {
    return exp(this);
  }
  log(): Tensor {
    return log(this);
  }
  sqrt(): Tensor {
    return sqrt(this);
  }
  abs(): Tensor {
    return abs(this);
  }
  tanh(): Tensor {
    return tanh(this);
  }
  sigmoid(): Tensor {
    return sigmoid(this);
  }
  relu(): Tensor {
    return relu(this);
  }
  leakyRelu(slope = 0.01): Tensor {
    return leakyRelu(this, slope);
  }
  sin(): Tensor {
    return sin(this);
  }
  cos(): Tensor {
    return cos(this);
  }
  /** ln(1 + x), accurate for tiny x. */
  log1p(): Tensor {
    return log1p(this);
  }
  /** Limits values to [min, max] (torch.clamp). */
  clamp(min?: number, max?: number): Tensor {
    return clamp(this, min, max);
  }

  // ── comparisons: 1 where true, 0 elsewhere; no gradient ──────────────────────────────
  gt(other: TensorLike): Tensor {
    return gt(this, other);
  }
  lt(other: TensorLike): Tensor {
    return lt(this, other);
  }
  ge(other: TensorLike): Tensor {
    return ge(this, other);
  }
  le(other: TensorLike): Tensor {
    return le(this, other);
  }
  eq(other: TensorLike): Tensor {
    return eq(this, other);
  }
  ne(other: TensorLike): Tensor {
    return ne(this, other);
  }
  /** This tensor with `value` wherever `mask` is non-zero (the mask broadcasts). */
  maskedFill(mask: TensorLike, value: number): Tensor {
    return maskedFill(this, mask, value);
  }

  // ── linear algebra and shape ──────────────────────────────────────────────────────
  /** Matrix product; batched over leading axes, which broadcast (torch.matmul). */
  matmul(other: TensorLike): Tensor {
    return matmul(this, other);
  }
  /** Batched matrix product of two 3-D tensors, [b,n,m] @ [b,m,p] (torch.bmm). */
  bmm(other: TensorLike): Tensor {
    return bmm(this, other);
  }
  transpose(dim0?: number, dim1?: number): Tensor {
    return transpose(this, dim0, dim1);
  }
  /** The transpose of a matrix (a 0-D or 1-D tensor is returned unchanged). */
  get T(): Tensor {
    return transpose(this);
  }
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    return reshape(this, flatArgs(shape));
  }
  /** PyTorch's view: the same as reshape here (storage is always contiguous). */
  view(...shape: number[] | [readonly number[]]): Tensor {
    return reshape(this, flatArgs(shape));
  }
  flatten(): Tensor {
    return reshape(this, [this.data.length]);
  }
  /** Inserts an axis of size 1 at `axis`. */
  unsqueeze(axis: number): Tensor {
    return unsqueeze(this, axis);
  }
  /** Removes axes of size 1 (all, or the one given). */
  squeeze(axis?: number): Tensor {
    return squeeze(this, axis);
  }
  expand(...shape: number[] | [readonly number[]]): Tensor {
    return expand(this, flatArgs(shape));
  }
  clone(): Tensor {
    return clone(this);
  }
  /** Row `i` (axis 0, dropped): x.index(i) is x[i]; a negative `i` counts from the end. */
  index(i: number): Tensor {
    return indexRow(this, i);
  }
  /** Rows start … end−1 along axis 0 (x[start:end]); negative bounds count from the end. */
  slice(start: number, end?: number): Tensor {
    return sliceRows(this, start, end);
  }
  narrow(axis: number, start: number, length: number): Tensor {
    return narrow(this, axis, start, length);
  }
  select(axis: number, index: number): Tensor {
    return select(this, axis, index);
  }
  /** The axes in a new order: `x.permute(2, 0, 1)` or `x.permute([2, 0, 1])`. */
  permute(...dims: number[] | [readonly number[]]): Tensor {
    return permute(this, flatArgs(dims));
  }
  /** Entries picked along `axis` by an index tensor of the same rank (torch.gather). */
  gather(axis: number, index: TensorLike): Tensor {
    return gather(this, axis, index);
  }

  // ── reductions ────────────────────────────────────────────────────────────────────
  /** Sum of all elements, or over one axis or several (`sum([0, 2])`). */
  sum(axis?: number | readonly number[], keepdim = false): Tensor {
    return sum(this, axis, keepdim);
  }
  /** Mean of all elements, or over one axis or several. */
  mean(axis?: number | readonly number[], keepdim = false): Tensor {
    return mean(this, axis, keepdim);
  }
  /**
   * The maximum of all elements, or along `axis` — then with `indices` too, as PyTorch's
   * `x.max(dim)`: `const { values, indices } = x.max(1)` (the result is also the values).
   */
  max(): Tensor;
  max(axis: number, keepdim?: boolean): MaxResult;
  max(axis?: number, keepdim?: boolean): Tensor;
  max(axis?: number, keepdim = false): Tensor {
    return max(this, axis, keepdim);
  }
  /** The minimum, as `max` (with `indices` along an axis). */
  min(): Tensor;
  min(axis: number, keepdim?: boolean): MaxResult;
  min(axis?: number, keepdim?: boolean): Tensor;
  min(axis?: number, keepdim = false): Tensor {
    return min(this, axis, keepdim);
  }
  /** Product of all elements, or along `axis`. */
  prod(axis?: number, keepdim = false): Tensor {
    return prod(this, axis, keepdim);
  }
  /** Running sums along `axis`. */
  cumsum(axis: number): Tensor {
    return cumsum(this, axis);
  }
  /** Variance (Bessel-corrected unless `{ correction: 0 }`) of all elements or over `axis`. */
  var(axis?: Axes, options?: VarOptions): Tensor {
    return variance(this, axis, options);
  }
  /** Standard deviation, √var. */
  std(axis?: Axes, options?: VarOptions): Tensor {
    return std(this, axis, options);
  }
  /** The p-norm (default 2; Infinity the largest |x|) of all elements or along `axis`. */
  norm(p = 2, axis?: number, keepdim = false): Tensor {
    return norm(this, p, axis, keepdim);
  }
  /** log Σ exp(x) of all elements or along `axis`, without overflow. */
  logsumexp(axis?: number, keepdim = false): Tensor {
    return logsumexp(this, axis, keepdim);
  }
  /** Index of the maximum along `axis` (or in the flattened tensor); not differentiable. */
  argmax(axis?: number, keepdim = false): Tensor {
    return argmax(this, axis, keepdim);
  }
  /** Index of the minimum along `axis` (or in the flattened tensor); not differentiable. */
  argmin(axis?: number, keepdim = false): Tensor {
    return argmin(this, axis, keepdim);
  }
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  }
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  }

  // ── in place (optimisers) ─────────────────────────────────────────────────────────
  /** this += alpha · other (other broadcast to this shape). Outside noGrad only for tensors without grad. */
  addInPlace(other: TensorLike, alpha = 1): this {
    return addScaled(this, "addInPlace", other, alpha);
  }
  /** this −= alpha · other. The SGD step: `noGrad(() => w.subInPlace(w.grad!, lr))`. */
  subInPlace(other: TensorLike, alpha = 1): this {
    return addScaled(this, "subInPlace", other, -expectNumber("subInPlace", "alpha", alpha));
  }
  /** this ∘= other. */
  mulInPlace(other: TensorLike): this {
    return mulInPlace(this, other);
  }
  /** Overwrites the values with `other`'s (broadcast). */
  copyInPlace(other: TensorLike): this {
    return copyInPlace(this, other);
  }
  /** Sets every element to `value`. */
  fillInPlace(value: number): this {
    return fillInPlace(this, value);
  }
  /** Forgets the gradient (setToNone, PyTorch's default) or zeroes it in place. */
  zeroGrad(setToNone = true): void {
    if (setToNone || this.grad === null) this.grad = null;
    else {
      this.grad.data.fill(0);
      this.grad._bumpVersion();
    }
  }

  /** Node's console.log and REPL show the short form too. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** A short readable form for notebook cells and the console. */
  toString(): string {
    return formatTensor(this);
  }
}

/** A plain options bag (not a tensor, a number or an array): backward's first argument as options. */
function isOptions(x: unknown): x is BackwardOptions {
  return (
    typeof x === "object" &&
    x !== null &&
    !(x instanceof Tensor) &&
    !Array.isArray(x) &&
    !ArrayBuffer.isView(x)
  );
}

function flatArgs(shape: number[] | [readonly number[]]): readonly number[] {
  return Array.isArray(shape[0]) ? (shape[0] as readonly number[]) : (shape as number[]);
}
