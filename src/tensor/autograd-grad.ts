// autograd.grad: the gradients of outputs with respect to chosen inputs, returned rather than
// added into `.grad` (torch.autograd.grad). With createGraph the returned gradients carry a
// graph of their own, so they can be differentiated again: a Hessian-vector product is
// grad(grad(f(x), x, { createGraph: true })[0].mul(v).sum(), x).
import { describeValue } from "./arguments.ts";
import {
  type BackwardOptions,
  type Capture,
  checkBackwardOptions,
  runBackwardGraph,
  runCapturingBackward,
  topologicalOrder,
} from "./autograd.ts";
import { enableGrad } from "./grad-mode.ts";
import type { TensorLike } from "./op.ts";
import { toTensor } from "./op.ts";
import { add, mul, sum } from "./ops/index.ts";
import { formatShape, sameShape } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Options of `autograd.grad`. */
export interface GradOptions extends BackwardOptions {
  /** ∂L/∂output for each output (default: 1 for a scalar output). */
  gradOutputs?: TensorLike | readonly (TensorLike | undefined)[];
  /** Give null for an input the outputs do not depend on, instead of refusing (default false). */
  allowUnused?: boolean;
}

function listOf(op: string, what: string, x: unknown): Tensor[] {
  const list = x instanceof Tensor ? [x] : Array.isArray(x) ? x : null;
  if (list === null || list.length === 0) {
    throw new Error(
      `${op}: expected ${what} as a Tensor or a list of tensors, found ${describeValue(x)}`,
    );
  }
  list.forEach((t, k) => {
    if (!(t instanceof Tensor)) {
      throw new Error(`${op}: ${what} #${k} is ${describeValue(t)}, expected a Tensor`);
    }
  });
  return list as Tensor[];
}

/** One scalar whose gradient is the sum of each output's vjp with its seed. */
function combinedRoot(
  outputs: Tensor[],
  seeds: (TensorLike | undefined)[],
): {
  root: Tensor;
  seed: Tensor | undefined;
} {
  if (outputs.length === 1) {
    const s = seeds[0];
    return {
      root: outputs[0],
      seed: s === undefined ? undefined : toTensor(s, "autograd.grad", "gradOutputs"),
    };
  }
  let root: Tensor | null = null;
  outputs.forEach((o, k) => {
    const s = seeds[k];
    if (s === undefined && o.data.length !== 1) {
      throw new Error(
        `autograd.grad: output #${k} has shape ${formatShape(o.shape)}; pass its gradient in gradOutputs`,
      );
    }
    const term =
      s === undefined ? sum(o) : sum(mul(o, toTensor(s, "autograd.grad", "gradOutputs")));
    root = root === null ? term : add(root, term);
  });
  return { root: root as unknown as Tensor, seed: undefined };
}

/**
 * ∂(outputs)/∂(inputs): one gradient per input, each of the input's shape, without touching
 * any `.grad`. Options: gradOutputs (the seeds, for non-scalar outputs), retainGraph,
 * createGraph (the gradients can be differentiated again), allowUnused.
 */
export function grad(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  options: GradOptions = {},
): (Tensor | null)[] {
  const op = "autograd.grad";
  const outs = listOf(op, "the outputs", outputs);
  const ins = listOf(op, "the inputs", inputs);
  const { gradOutputs, allowUnused = false, ...rest } = options ?? {};
  const { createGraph, retainGraph } = checkBackwardOptions(op, rest);
  ins.forEach((x, k) => {
    if (!x.requiresGrad) {
      throw new Error(
        `${op}: input #${k}${x.name ? ` "${x.name}"` : ""} does not require grad; create it with { requiresGrad: true }`,
      );
    }
  });
  outs.forEach((o, k) => {
    if (!o.requiresGrad) {
      throw new Error(
        `${op}: output #${k} does not require grad — it does not depend on any input that requires grad`,
      );
    }
  });
  // A list of tensors is one seed per output; anything else is the one output's seed.
  const perOutput =
    Array.isArray(gradOutputs) &&
    gradOutputs.length > 0 &&
    gradOutputs.every((g) => g === undefined || g instanceof Tensor);
  const seeds: (TensorLike | undefined)[] =
    gradOutputs === undefined
      ? outs.map(() => undefined)
      : perOutput
        ? [...(gradOutputs as readonly (TensorLike | undefined)[])]
        : [gradOutputs as TensorLike];
  if (seeds.length !== outs.length) {
    throw new Error(
      `${op}: ${outs.length} outputs but ${seeds.length} gradOutputs; give one per output`,
    );
  }
  const { root, seed: given } = enableGrad(() => combinedRoot(outs, seeds));
  let seed: Tensor;
  if (given === undefined) {
    if (root.data.length !== 1) {
      throw new Error(
        `${op}: the output has shape ${formatShape(root.shape)}; pass its gradient, e.g. { gradOutputs: onesLike(y) }`,
      );
    }
    seed = new Tensor(new Float64Array([1]), root.shape);
  } else {
    if (!sameShape(given.shape, root.shape)) {
      throw new Error(
        `${op}: gradOutputs has shape ${formatShape(given.shape)} but the output has shape ${formatShape(root.shape)}`,
      );
    }
    seed = given;
  }
  const capture: Capture = new Map(ins.map((x) => [x, null]));
  const order = topologicalOrder(root);
  if (createGraph) enableGrad(() => runBackwardGraph(order, seed, capture, retainGraph));
  else runCapturingBackward(order, seed, capture, retainGraph);
  return ins.map((x, k) => {
    const g = capture.get(x) ?? null;
    if (g === null && !allowUnused) {
      throw new Error(
        `${op}: input #${k}${x.name ? ` "${x.name}"` : ""} is not used in computing the outputs; pass { allowUnused: true } to get null for it`,
      );
    }
    return g;
  });
}
