// Re-runs a traced computation with some node values replaced, for the checks that must not
// trust autograd: finite differences and "nudge". Each op is called again through the tensor
// library's own forward, with grad recording off.
import { linear } from "../nn/functional/linear.ts";
import { mseLoss } from "../nn/functional/mseLoss.ts";
import { noGrad } from "../tensor/grad-mode.ts";
import { add, div, mul, powTensor, sub } from "../tensor/ops/binary.ts";
import { expand } from "../tensor/ops/broadcast.ts";
import { matmul } from "../tensor/ops/matmul.ts";
import { max, mean, sum } from "../tensor/ops/reduce.ts";
import { clone, concat, narrow, reshape, select, stack, transpose } from "../tensor/ops/shape.ts";
import { logSoftmax, softmax } from "../tensor/ops/softmax.ts";
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
} from "../tensor/ops/unary.ts";
import { Tensor } from "../tensor/tensor.ts";
import type { TracedComputation } from "./trace.ts";

type Attrs = Readonly<Record<string, unknown>>;
type Forward = (inputs: readonly Tensor[], attrs: Attrs) => Tensor;

const num = (attrs: Attrs, key: string): number | undefined =>
  typeof attrs[key] === "number" ? (attrs[key] as number) : undefined;
const shapeOf = (attrs: Attrs): number[] => (attrs.shape as number[] | undefined) ?? [];

/** Forward functions by op name, called with the recorded inputs and attrs. */
const FORWARD: Readonly<Record<string, Forward>> = {
  add: ([a, b]) => add(a!, b!),
  sub: ([a, b]) => sub(a!, b!),
  mul: ([a, b]) => mul(a!, b!),
  div: ([a, b]) => div(a!, b!),
  pow: (xs, at) =>
    xs.length === 2 ? powTensor(xs[0]!, xs[1]!) : powScalar(xs[0]!, num(at, "exponent") ?? 1),
  neg: ([a]) => neg(a!),
  exp: ([a]) => exp(a!),
  log: ([a]) => log(a!),
  sqrt: ([a]) => sqrt(a!),
  abs: ([a]) => abs(a!),
  tanh: ([a]) => tanh(a!),
  sigmoid: ([a]) => sigmoid(a!),
  relu: ([a]) => relu(a!),
  leakyRelu: ([a], at) => leakyRelu(a!, num(at, "slope")),
  matmul: ([a, b]) => matmul(a!, b!),
  sum: ([a], at) => sum(a!, num(at, "axis"), at.keepdim === true),
  mean: ([a], at) => mean(a!, num(at, "axis"), at.keepdim === true),
  max: ([a], at) => max(a!, num(at, "axis"), at.keepdim === true),
  expand: ([a], at) => expand(a!, shapeOf(at)),
  reshape: ([a], at) => reshape(a!, shapeOf(at)),
  transpose: ([a], at) => transpose(a!, num(at, "dim0"), num(at, "dim1")),
  narrow: ([a], at) =>
    narrow(a!, num(at, "axis") ?? 0, num(at, "start") ?? 0, num(at, "length") ?? 1),
  select: ([a], at) => select(a!, num(at, "axis") ?? 0, num(at, "index") ?? 0),
  concat: (xs, at) => concat(xs, num(at, "axis")),
  stack: (xs, at) => stack(xs, num(at, "axis")),
  clone: ([a]) => clone(a!),
  linear: ([x, W, b]) => linear(x!, W!, b),
  mseLoss: ([a, b], at) => mseLoss(a!, b!, at.reduction === "sum" ? "sum" : "mean"),
  softmax: ([a], at) => softmax(a!, num(at, "axis")),
  logSoftmax: ([a], at) => logSoftmax(a!, num(at, "axis")),
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
  const tensorOf = (nodeId: string): Tensor => current.get(nodeId) ?? tensors.get(nodeId)!;
  return noGrad(() => {
    const first = trace.nodes[start]!;
    current.set(first.id, new Tensor(data, first.shape));
    for (let k = start + 1; k < trace.nodes.length; k++) {
      const node = trace.nodes[k]!;
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
  for (let k = 0; k < data.length; k++) s += data[k]!;
  return s;
}
