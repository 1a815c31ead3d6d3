// The op-definition mechanism: every primitive op computes its output eagerly and hands it to
// `makeResult` with a static `OpRule` — the op's backward (vjp), its forward-mode rule (jvp),
// its local derivative for the graph view, and which tensors its backward reads.
//
// Adding a primitive op (say conv2d) in its own file:
//
//   const conv2dRule: OpRule<{ stride: number }> = {
//     saves: [0, 1],                            // the backward reads x and w (OUTPUT: the result)
//     vjp(node, i, gradOut) { … return ∂L/∂inputs[i] with inputs[i]'s shape … },
//     jvp(node, tangents) { … tangent of the output, linear in the tangents (null: not moving) … },
//   };
//   export function conv2d(x: TensorLike, w: TensorLike, stride = 1): Tensor {
//     const a = toTensor(x, "conv2d"), k = toTensor(w, "conv2d", "weight");
//     const out = allocate(n);                  // zeroed Float64Array from storage.ts
//     return makeResult(out, shape, conv2dRule, "conv2d", [a, k], { stride }, { stride });
//   }
//
// `makeResult` records an OpNode only when grad mode is on and an input requires grad, so the
// forward costs nothing extra under `noGrad`; inside `jvp` it pushes the inputs' tangents
// through `jvp` at once instead (forward mode records nothing). The vjp runs with recording off
// and may call other ops. Element-wise ops also give `localGrad` (∂out/∂input, shaped like the
// output); the graph view prints it on each edge. The rule objects are static: nothing is
// allocated per call except the output and its node. Then give the op its definition beside
// the rule (op-definition.ts: how the graph replays, writes and names it) and list it in
// TENSOR_OPS (registry.ts), export the op from ops/index.ts, add a Tensor method if PyTorch has
// one, and add it to the op table the gradient and forward-mode tests share
// (tests/tensor/op-cases.ts); tests/tensor/registry.test.ts checks the definition is complete.

import { describeValue } from "./arguments.ts";
import { createTensor } from "./create.ts";
import { currentForwardLevel, isAnomalyEnabled, isGradEnabled, pauseForward } from "./grad-mode.ts";
import type { GradNode } from "./node.ts";
import { OUTPUT } from "./saves.ts";
import { formatShape, type Shape } from "./shape.ts";
import { type NestedArray, Tensor } from "./tensor.ts";

/**
 * What ops accept wherever a tensor goes: a Tensor, a plain number (a constant scalar) or
 * nested arrays of numbers (a constant tensor, as `tensor(...)` would make).
 */
export type TensorLike = Tensor | number | NestedArray | Float64Array;

export { OUTPUT } from "./saves.ts";

/** What an op's rules see: its inputs, its output and what the forward kept for them. */
export interface OpRecord<S = undefined> {
  readonly op: string;
  readonly inputs: readonly Tensor[];
  readonly attrs: Readonly<Record<string, unknown>>;
  /** The tensor the op produced. */
  readonly output: Tensor;
  /** Whatever the forward kept for the rules (argmax indices, sizes, …). */
  readonly saved: S;
}

/** The differentiation rules of one primitive op. `S` is what the forward saved for them. */
export interface OpRule<S = undefined> {
  /**
   * The tensors the vjp reads: input indices, and OUTPUT for the result. Backward refuses to
   * run if one of them was changed in place after the op ran (at most three).
   */
  readonly saves: readonly number[];
  /**
   * ∂L/∂inputs[i] from ∂L/∂out, with inputs[i]'s shape (broadcast axes summed away). Return
   * new storage, or `gradOut`'s own Float64Array (a pass-through, or a reshape sharing it),
   * never a subarray of it and never another tensor's: backward adds into fresh results in
   * place and recycles them once used.
   */
  vjp(node: OpNode<S>, i: number, gradOut: Tensor): Tensor;
  /**
   * Forward mode: the output's tangent from the inputs' tangents (each with its input's shape,
   * null for an input that does not move; at least one is not null). Runs right after the
   * forward, inside `jvp`, with nothing recorded.
   */
  jvp(op: OpRecord<S>, tangents: readonly (Tensor | null)[]): Tensor;
  /** Element-wise ops only: ∂out/∂inputs[i] element by element, shaped like the output. */
  localGrad?(node: OpNode<S>, i: number): Tensor;
  /**
   * The vjp built from differentiable ops (recorded while grad mode is on), for backward with
   * createGraph: gradients of gradients. Ops without it refuse createGraph by name.
   */
  vjpGraph?(node: OpNode<S>, i: number, gradOut: Tensor): Tensor;
}

/** The GradNode every op records: op name, inputs, attributes, output and saved values. */
export class OpNode<S = undefined> implements GradNode, OpRecord<S> {
  // The versions of the (at most three) tensors in rule.saves when the op ran: fields rather
  // than an array, so recording a node allocates nothing more.
  private readonly v0: number;
  private readonly v1: number;
  private readonly v2: number;
  /** @internal a backward without retainGraph went through this node: its graph is used up */
  _used = false;

  constructor(
    readonly rule: OpRule<S>,
    readonly op: string,
    readonly inputs: readonly Tensor[],
    readonly attrs: Readonly<Record<string, unknown>>,
    /** The tensor this node produced (its value is `output.data`). */
    readonly output: Tensor,
    /** Whatever the forward kept for the backward (argmax indices, broadcast plan, …). */
    readonly saved: S,
  ) {
    const saves = rule.saves;
    const n = saves.length;
    this.v0 = n > 0 ? versionOf(this, saves[0]) : 0;
    this.v1 = n > 1 ? versionOf(this, saves[1]) : 0;
    this.v2 = n > 2 ? versionOf(this, saves[2]) : 0;
  }

  vjp(i: number, gradOut: Tensor): Tensor {
    return this.rule.vjp(this, i, gradOut);
  }

  localGrad(i: number): Tensor | null {
    return this.rule.localGrad ? this.rule.localGrad(this, i) : null;
  }

  /**
   * Throws if a tensor the backward reads was changed in place since the op ran, naming it
   * and this op (PyTorch refuses the same way rather than return a wrong gradient).
   */
  checkSavedVersions(): void {
    const saves = this.rule.saves;
    for (let j = 0; j < saves.length; j++) {
      const then = j === 0 ? this.v0 : j === 1 ? this.v1 : this.v2;
      const t = savedTensor(this, saves[j]);
      if (t !== undefined && t._version !== then) throw new Error(modifiedMessage(this, t, then));
    }
  }
}

function savedTensor(node: OpRecord<unknown>, ref: number): Tensor | undefined {
  return ref === OUTPUT ? node.output : node.inputs[ref];
}

function versionOf(node: OpRecord<unknown>, ref: number): number {
  return savedTensor(node, ref)?._version ?? 0;
}

function modifiedMessage(node: OpNode<unknown>, t: Tensor, then: number): string {
  const shape = formatShape(t.shape);
  const what =
    t === node.output
      ? `its own output ${shape}`
      : t.name
        ? `"${t.name}" ${shape}`
        : t.gradFn
          ? `the output of ${t.gradFn.op} ${shape}`
          : `a ${t.requiresGrad ? "parameter" : "tensor"} of shape ${shape}`;
  return (
    "backward: one of the variables needed for gradient computation has been modified by an " +
    `inplace operation: "${node.op}" saved ${what} at version ${then} for its gradient, and it ` +
    `is now at version ${t._version}. Changing it in place (an optimizer step, an nn.init call, ` +
    "addInPlace, or a write through a reshape or detach() view) made the recorded graph stale: " +
    "run the forward pass again after the change (in a training loop: backward() before " +
    "optimizer.step()), or change a clone() instead"
  );
}

/** The tangent of a one-input op's input (never null: a rule runs only when an input moves). */
export function soleTangent(tangents: readonly (Tensor | null)[]): Tensor {
  const t = tangents[0];
  if (t === null || t === undefined) throw new Error("jvp: a one-input op was given no tangent");
  return t;
}

export const NO_ATTRS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * A tensor for an op's argument: tensors pass through, a number becomes a constant scalar and
 * nested arrays a constant tensor. Anything else throws, naming the op and the argument
 * (`what`, e.g. "target") and what was found.
 */
export function toTensor(x: unknown, op = "op", what = "an argument"): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === "number") {
    const t = new Tensor(new Float64Array([x]), []);
    t.isConstant = true;
    return t;
  }
  if (Array.isArray(x) || x instanceof Float64Array || x instanceof Float32Array) {
    return createTensor(x as NestedArray, op);
  }
  throw new Error(
    `${op}: expected a Tensor, a number or nested arrays of numbers for ${what}, found ${describeValue(x)}`,
  );
}

/**
 * Builds an op's output tensor and, when the graph is recorded and some input requires grad,
 * attaches its OpNode; inside `jvp`, computes its tangent. Under `detectAnomaly`, also checks
 * the output for NaN and Infinity.
 */
export function makeResult<S>(
  data: Float64Array,
  shape: Shape,
  rule: OpRule<S>,
  op: string,
  inputs: readonly Tensor[],
  attrs: Readonly<Record<string, unknown>>,
  saved: S,
): Tensor {
  const out = new Tensor(data, shape);
  if (isGradEnabled()) {
    for (let i = 0; i < inputs.length; i++) {
      if (inputs[i].requiresGrad) {
        out.requiresGrad = true;
        out.gradFn = new OpNode(rule, op, inputs, attrs, out, saved);
        break;
      }
    }
  }
  const level = currentForwardLevel();
  if (level !== 0) pushTangent(level, { op, inputs, attrs, output: out, saved }, rule);
  if (isAnomalyEnabled()) checkFinite(op, inputs, out);
  return out;
}

/** Forward mode for one op: the output's tangent from the inputs' tangents of this level. */
function pushTangent<S>(level: number, record: OpRecord<S>, rule: OpRule<S>): void {
  const inputs = record.inputs;
  let moving = false;
  for (let i = 0; i < inputs.length; i++) moving ||= inputs[i]._tangentLevel === level;
  if (!moving) return;
  const tangents = inputs.map((x) => (x._tangentLevel === level ? x._tangent : null));
  const tangent = pauseForward(() => rule.jvp(record, tangents));
  record.output._tangent = tangent;
  record.output._tangentLevel = level;
}

/** Thrown by detectAnomaly: names the first op whose output held NaN or Infinity. */
export class AnomalyError extends Error {
  constructor(
    message: string,
    readonly op: string,
    readonly inputShapes: readonly Shape[],
    readonly outputShape: Shape,
  ) {
    super(message);
    this.name = "AnomalyError";
  }
}

function firstNonFinite(data: Float64Array): number {
  for (let k = 0; k < data.length; k++) if (!Number.isFinite(data[k])) return k;
  return -1;
}

/** Throws if `out` is the first non-finite value: its inputs were all finite. */
export function checkFinite(
  op: string,
  inputs: readonly Tensor[],
  out: Tensor,
  phase = "forward",
): void {
  const k = firstNonFinite(out.data);
  if (k < 0) return;
  for (const input of inputs) if (firstNonFinite(input.data) >= 0) return; // not the first
  const shapes = inputs.map((t) => formatShape(t.shape)).join(", ");
  throw new AnomalyError(
    `${op} (${phase}): produced ${out.data[k]} at flat index ${k} of its output ` +
      `${formatShape(out.shape)} from finite inputs of shapes ${shapes || "(none)"}`,
    op,
    inputs.map((t) => t.shape),
    out.shape,
  );
}
