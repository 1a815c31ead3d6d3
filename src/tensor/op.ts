// The op-definition mechanism: every primitive op computes its output eagerly and, when the
// graph is being recorded, leaves an `OpNode` on it that points at a static `OpRule` — the
// op's backward (vjp), its local derivative for the graph view, and its forward-mode rule.
//
// Adding a primitive op (say conv2d) in its own file:
//
//   const conv2dRule: OpRule<{ stride: number }> = {
//     vjp(node, i, gradOut) { … return ∂L/∂inputs[i] with inputs[i]'s shape … },
//     jvp(node, tangents) { … tangent of the output (linear in the tangents) … },
//   };
//   export function conv2d(x: TensorLike, w: TensorLike, stride = 1): Tensor {
//     const a = toTensor(x), k = toTensor(w);
//     const out = allocate(n);                  // zeroed Float64Array from storage.ts
//     return makeResult(out, shape, conv2dRule, "conv2d", [a, k], { stride }, { stride });
//   }
//
// `makeResult` records the node only when grad mode is on and an input requires grad, so the
// forward costs nothing extra under `noGrad`. The vjp runs with recording off and may call
// other ops. Element-wise ops also give `localGrad` (∂out/∂input, shaped like the output);
// the graph view prints it on each edge. The rule objects are static: nothing is allocated
// per call except the output and its node. Then export the op from ops/index.ts, add a Tensor
// method if PyTorch has one, and gradient-check it in tests/tensor/ops-grad.test.ts.

import { isAnomalyEnabled, isGradEnabled } from "./grad-mode.ts";
import type { GradNode } from "./node.ts";
import { formatShape, type Shape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** A tensor or a plain number (which becomes a constant scalar tensor). */
export type TensorLike = Tensor | number;

/** The differentiation rules of one primitive op. `S` is what the forward saved for them. */
export interface OpRule<S = undefined> {
  /**
   * ∂L/∂inputs[i] from ∂L/∂out, with inputs[i]'s shape (broadcast axes summed away). Return
   * new storage, or `gradOut`'s own Float64Array (a pass-through, or a reshape sharing it),
   * never a subarray of it and never another tensor's: backward adds into fresh results in
   * place and recycles them once used.
   */
  vjp(node: OpNode<S>, i: number, gradOut: Tensor): Tensor;
  /** Element-wise ops only: ∂out/∂inputs[i] element by element, shaped like the output. */
  localGrad?(node: OpNode<S>, i: number): Tensor;
  /**
   * Forward mode: the output's tangent given each input's tangent (same shapes as the
   * inputs; zeros for inputs that do not move). Element-wise ops may omit it; it is then
   * Σᵢ localGrad(i) · tangentᵢ.
   */
  jvp?(node: OpNode<S>, tangents: readonly Tensor[]): Tensor;
}

/** The GradNode every op records: op name, inputs, attributes, output and saved values. */
export class OpNode<S = undefined> implements GradNode {
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
    this.versions = versionSum(inputs, output);
  }

  /** In-place changes of the inputs and output so far; backward refuses if this has moved. */
  readonly versions: number;

  vjp(i: number, gradOut: Tensor): Tensor {
    return this.rule.vjp(this, i, gradOut);
  }

  localGrad(i: number): Tensor | null {
    return this.rule.localGrad ? this.rule.localGrad(this, i) : null;
  }
}

/** Sum of the version counters of an op's inputs and output (they only ever grow). */
export function versionSum(inputs: readonly Tensor[], output: Tensor): number {
  let sum = output._version;
  for (let i = 0; i < inputs.length; i++) sum += inputs[i]._version;
  return sum;
}

export const NO_ATTRS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Wraps a plain number as a constant scalar tensor; passes tensors through. */
export function toTensor(x: TensorLike, op = "op"): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === "number") {
    const t = new Tensor(new Float64Array([x]), []);
    t.isConstant = true;
    return t;
  }
  throw new Error(`${op}: expected a Tensor or a number, found ${describe(x)}`);
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array (wrap it with tensor(...))";
  return typeof x;
}

/**
 * Builds an op's output tensor and, when the graph is recorded and some input requires grad,
 * attaches its OpNode. Under `detectAnomaly`, also checks the output for NaN and Infinity.
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
  if (isAnomalyEnabled()) checkFinite(op, inputs, out);
  return out;
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
