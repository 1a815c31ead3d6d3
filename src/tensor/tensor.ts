// The Tensor: a row-major Float64Array, a shape, and — when it came out of a recorded op —
// the GradNode saying how. Its op methods (x.add(y)) come from TensorMethods (tensor-methods.ts).

import { describeValue } from "./arguments.ts";
import { type BackwardOptions, backward } from "./autograd.ts";
import { formatTensor } from "./format.ts";
import type { GradNode } from "./node.ts";
import type { TensorLike } from "./op.ts";
import { transpose } from "./ops/index.ts";
import { formatShape, sameShape, sizeOf } from "./shape.ts";
import { TensorMethods } from "./tensor-methods.ts";

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
export class Tensor extends TensorMethods {
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
    super();
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

  /** The transpose of a matrix (a 0-D or 1-D tensor is returned unchanged). */
  get T(): Tensor {
    return transpose(this);
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
  override toString(): string {
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
