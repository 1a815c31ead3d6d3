// The Tensor: a row-major Float64Array, a shape, and — when it came out of a recorded op —
// the GradNode saying how. Methods are thin wrappers over the op functions in ops/.
import { backward } from "./autograd.ts";
import { addScaled, copyInPlace, fillInPlace, mulInPlace } from "./in-place.ts";
import type { GradNode } from "./node.ts";
import { add, div, mul, sub } from "./ops/binary.ts";
import { expand } from "./ops/broadcast.ts";
import { clamp, eq, ge, gt, le, lt } from "./ops/compare.ts";
import { matmul } from "./ops/matmul.ts";
import { narrow, select } from "./ops/narrow.ts";
import { pow } from "./ops/pow.ts";
import { argmax, max, mean, min, sum } from "./ops/reduce.ts";
import { clone, reshape, transpose } from "./ops/shape.ts";
import { logSoftmax, softmax } from "./ops/softmax.ts";
import { abs, exp, leakyRelu, log, neg, relu, sigmoid, sqrt, tanh } from "./ops/unary.ts";
import { formatShape, sizeOf } from "./shape.ts";

/** Nested arrays of numbers, as `toArray()` returns them (a number for a scalar). */
export type NestedArray = number | NestedArray[];

let nextId = 1;

/** An n-dimensional array of float64 values that records the ops applied to it. */
export class Tensor {
  /** Unique, increasing with creation order. */
  readonly id: number = nextId++;
  /** ∂L/∂this after `backward()` — kept on leaves that require grad (and on `retainGrad()` tensors). */
  grad: Tensor | null = null;
  /** Whether gradients flow to this tensor. */
  requiresGrad = false;
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
  /** @internal how many in-place ops changed this tensor (backward checks it, as PyTorch does) */
  _version = 0;

  /**
   * Wraps existing storage (not copied). Most code calls `tensor(...)` instead.
   * @param data row-major values, `sizeOf(shape)` of them
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

  /** Same storage, cut from the graph: no gradFn, no requiresGrad. */
  detach(): Tensor {
    const t = new Tensor(this.data, this.shape);
    t.name = this.name;
    return t;
  }

  /** Marks this tensor as one gradients flow to (a leaf); returns this. */
  requiresGrad_(flag = true): this {
    if (!this.isLeaf && !flag) {
      throw new Error(
        "requiresGrad_: only leaves can stop requiring grad; use detach() for a computed tensor",
      );
    }
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
   * grad. Without an argument this tensor must be a scalar.
   */
  backward(gradient?: Tensor | number): void {
    backward(this, gradient);
  }

  // ── element-wise ──────────────────────────────────────────────────────────────────
  add(other: Tensor | number): Tensor {
    return add(this, other);
  }
  sub(other: Tensor | number): Tensor {
    return sub(this, other);
  }
  mul(other: Tensor | number): Tensor {
    return mul(this, other);
  }
  div(other: Tensor | number): Tensor {
    return div(this, other);
  }
  pow(exponent: Tensor | number): Tensor {
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
  /** Limits values to [min, max] (torch.clamp). */
  clamp(min?: number, max?: number): Tensor {
    return clamp(this, min, max);
  }

  // ── comparisons: 1 where true, 0 elsewhere; no gradient ──────────────────────────────
  gt(other: Tensor | number): Tensor {
    return gt(this, other);
  }
  lt(other: Tensor | number): Tensor {
    return lt(this, other);
  }
  ge(other: Tensor | number): Tensor {
    return ge(this, other);
  }
  le(other: Tensor | number): Tensor {
    return le(this, other);
  }
  eq(other: Tensor | number): Tensor {
    return eq(this, other);
  }

  // ── linear algebra and shape ──────────────────────────────────────────────────────
  matmul(other: Tensor | number): Tensor {
    return matmul(this, other);
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
    const a = axis < 0 ? axis + this.shape.length + 1 : axis;
    const shape = [...this.shape];
    shape.splice(a, 0, 1);
    return reshape(this, shape);
  }
  /** Removes axes of size 1 (all, or the one given). */
  squeeze(axis?: number): Tensor {
    const a = axis !== undefined && axis < 0 ? axis + this.shape.length : axis;
    return reshape(
      this,
      this.shape.filter((d, i) => d !== 1 || (a !== undefined && i !== a)),
    );
  }
  expand(...shape: number[] | [readonly number[]]): Tensor {
    return expand(this, flatArgs(shape));
  }
  clone(): Tensor {
    return clone(this);
  }
  /** Row `i` (axis 0, dropped): x.index(i) is x[i]. */
  index(i: number): Tensor {
    return select(this, 0, i);
  }
  /** Rows start … end−1 along axis 0 (x[start:end]); negative bounds count from the end. */
  slice(start: number, end?: number): Tensor {
    const n = this.shape[0];
    if (n === undefined) throw new Error("slice: a scalar has no rows to slice");
    const s = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    const e = end === undefined ? n : end < 0 ? Math.max(0, end + n) : Math.min(end, n);
    return narrow(this, 0, s, Math.max(0, e - s));
  }
  narrow(axis: number, start: number, length: number): Tensor {
    return narrow(this, axis, start, length);
  }
  select(axis: number, index: number): Tensor {
    return select(this, axis, index);
  }

  // ── reductions ────────────────────────────────────────────────────────────────────
  sum(axis?: number, keepdim = false): Tensor {
    return sum(this, axis, keepdim);
  }
  mean(axis?: number, keepdim = false): Tensor {
    return mean(this, axis, keepdim);
  }
  max(axis?: number, keepdim = false): Tensor {
    return max(this, axis, keepdim);
  }
  min(axis?: number, keepdim = false): Tensor {
    return min(this, axis, keepdim);
  }
  argmax(axis?: number, keepdim = false): Tensor {
    return argmax(this, axis, keepdim);
  }
  softmax(axis = -1): Tensor {
    return softmax(this, axis);
  }
  logSoftmax(axis = -1): Tensor {
    return logSoftmax(this, axis);
  }

  // ── in place (optimisers) ─────────────────────────────────────────────────────────
  /** this += alpha · other (other broadcast to this shape). Outside noGrad only for tensors without grad. */
  addInPlace(other: Tensor | number, alpha = 1): this {
    return addScaled(this, "addInPlace", other, alpha);
  }
  /** this −= alpha · other. The SGD step: `noGrad(() => w.subInPlace(w.grad!, lr))`. */
  subInPlace(other: Tensor | number, alpha = 1): this {
    return addScaled(this, "subInPlace", other, -alpha);
  }
  /** this ∘= other. */
  mulInPlace(other: Tensor | number): this {
    return mulInPlace(this, other);
  }
  /** Overwrites the values with `other`'s (broadcast). */
  copyInPlace(other: Tensor | number): this {
    return copyInPlace(this, other);
  }
  /** Sets every element to `value`. */
  fillInPlace(value: number): this {
    return fillInPlace(this, value);
  }
  /** Forgets the gradient (setToNone, PyTorch's default) or zeroes it in place. */
  zeroGrad(setToNone = true): void {
    if (setToNone || this.grad === null) this.grad = null;
    else this.grad.data.fill(0);
  }

  /** Node's console.log and REPL show the short form too. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** A short readable form for notebook cells and the console. */
  toString(): string {
    const flags = [
      this.requiresGrad ? "requiresGrad" : "",
      this.name ? `name ${this.name}` : "",
    ].filter(Boolean);
    const body = JSON.stringify(this.toArray(), (_k, v) => (typeof v === "number" ? round(v) : v));
    return `tensor(${body}, shape ${formatShape(this.shape)}${flags.length ? `, ${flags.join(", ")}` : ""})`;
  }
}

function round(v: number): number | string {
  if (!Number.isFinite(v)) return String(v);
  return Number(v.toPrecision(6));
}

function flatArgs(shape: number[] | [readonly number[]]): readonly number[] {
  return Array.isArray(shape[0]) ? (shape[0] as readonly number[]) : (shape as number[]);
}
