// Re-runs a traced computation with some node values replaced, for the checks that must not
// trust autograd: finite differences and "nudge". Each op is called again through the tensor
// library's own forward, with grad recording off.
import { linear } from "../../nn/functional/linear.ts";
import { mseLoss } from "../../nn/functional/mse-loss.ts";
import { noGrad } from "../../tensor/grad-mode.ts";
import { add, div, mul, powTensor, sub } from "../../tensor/ops/binary.ts";
import { expand } from "../../tensor/ops/broadcast.ts";
import { matmul } from "../../tensor/ops/matmul.ts";
import { max, mean, sum } from "../../tensor/ops/reduce.ts";
import {
  clone,
  concat,
  narrow,
  reshape,
  select,
  stack,
  transpose,
} from "../../tensor/ops/shape.ts";
import { logSoftmax, softmax } from "../../tensor/ops/softmax.ts";
import {
  abs,
  exp,
  leakyRelu,
  log,
  neg,
  powScalar,
  relu,
  sigmoid,
  sqrt,
  tanh,
} from "../../tensor/ops/unary.ts";
import { Tensor } from "../../tensor/tensor.ts";
import type { TracedComputation } from "./trace.ts";

type Attrs = Readonly<Record<string, unknown>>;
type Forward = (inputs: readonly Tensor[], attrs: Attrs) => Tensor;

const num = (attrs: Attrs, key: string): number | undefined =>
  typeof attrs[key] === "number" ? (attrs[key] as number) : undefined;
const shapeOf = (attrs: Attrs): number[] => (attrs.shape as number[] | undefined) ?? [];

/** The recorded input `i` of an op (a trace always has them; a missing one is a bug). */
function input(xs: readonly Tensor[], i: number): Tensor {
  const x = xs[i];
  if (!x) throw new Error(`replay: the op has no input ${i}`);
  return x;
}
const one =
  (f: (a: Tensor, at: Attrs) => Tensor): Forward =>
  (xs, at) =>
    f(input(xs, 0), at);
const two =
  (f: (a: Tensor, b: Tensor, at: Attrs) => Tensor): Forward =>
  (xs, at) =>
    f(input(xs, 0), input(xs, 1), at);

/** Forward functions by op name, called with the recorded inputs and attrs. */
const FORWARD: Readonly<Record<string, Forward>> = {
  add: two((a, b) => add(a, b)),
  sub: two((a, b) => sub(a, b)),
  mul: two((a, b) => mul(a, b)),
  div: two((a, b) => div(a, b)),
  pow: (xs, at) =>
    xs.length === 2
      ? powTensor(input(xs, 0), input(xs, 1))
      : powScalar(input(xs, 0), num(at, "exponent") ?? 1),
  neg: one((a) => neg(a)),
  exp: one((a) => exp(a)),
  log: one((a) => log(a)),
  sqrt: one((a) => sqrt(a)),
  abs: one((a) => abs(a)),
  tanh: one((a) => tanh(a)),
  sigmoid: one((a) => sigmoid(a)),
  relu: one((a) => relu(a)),
  leakyRelu: one((a, at) => leakyRelu(a, num(at, "slope"))),
  matmul: two((a, b) => matmul(a, b)),
  sum: one((a, at) => sum(a, num(at, "axis"), at.keepdim === true)),
  mean: one((a, at) => mean(a, num(at, "axis"), at.keepdim === true)),
  max: one((a, at) => max(a, num(at, "axis"), at.keepdim === true)),
  expand: one((a, at) => expand(a, shapeOf(at))),
  reshape: one((a, at) => reshape(a, shapeOf(at))),
  transpose: one((a, at) => transpose(a, num(at, "dim0"), num(at, "dim1"))),
  narrow: one((a, at) =>
    narrow(a, num(at, "axis") ?? 0, num(at, "start") ?? 0, num(at, "length") ?? 1),
  ),
  select: one((a, at) => select(a, num(at, "axis") ?? 0, num(at, "index") ?? 0)),
  concat: (xs, at) => concat(xs, num(at, "axis")),
  stack: (xs, at) => stack(xs, num(at, "axis")),
  clone: one((a) => clone(a)),
  linear: (xs) => linear(input(xs, 0), input(xs, 1), xs[2]),
  mseLoss: two((a, b, at) => mseLoss(a, b, at.reduction === "sum" ? "sum" : "mean")),
  softmax: one((a, at) => softmax(a, num(at, "axis"))),
  logSoftmax: one((a, at) => logSoftmax(a, num(at, "axis"))),
};

/** Whether every op of the computation can be re-run (the checks need that). */
export function canReplay(computation: TracedComputation): string | null {
  for (const node of computation.trace.nodes) {
    if (node.op !== "leaf" && !FORWARD[node.op]) return node.op;
  }
  return null;
}

/**
 * The output's values after replacing node `id`'s values by `data`: only nodes after it in
 * topological order are recomputed, earlier ones keep their recorded values.
 */
export function replayWith(
  computation: TracedComputation,
  id: string,
  data: Float64Array,
): Float64Array {
  const { trace, tensors } = computation;
  const start = trace.nodes.findIndex((n) => n.id === id);
  if (start < 0) throw new Error(`replay: no node "${id}" in this graph`);
  const current = new Map<string, Tensor>();
  const tensorOf = (nodeId: string): Tensor => {
    const t = current.get(nodeId) ?? tensors.get(nodeId);
    if (!t) throw new Error(`replay: node "${nodeId}" has no recorded tensor`);
    return t;
  };
  const nodes = trace.nodes;
  return noGrad(() => {
    current.set(id, new Tensor(data, nodes[start]?.shape ?? []));
    for (const node of nodes.slice(start + 1)) {
      if (node.op === "leaf" || !node.inputs.some((i) => current.has(i))) continue;
      const forward = FORWARD[node.op];
      if (!forward) throw new Error(`replay: cannot re-run op "${node.op}" (node ${node.label})`);
      current.set(node.id, forward(node.inputs.map(tensorOf), node.attrs));
    }
    return Float64Array.from(tensorOf(trace.output).data);
  });
}

/** The scalar the gradients are of: the output, summed when it is not a scalar (seed of ones). */
export function outputScalar(data: Float64Array): number {
  let s = 0;
  for (const v of data) s += v;
  return s;
}
