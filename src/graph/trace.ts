// Turns a computation recorded by the tensor library into plain data: nodes, edges, the
// forward steps in topological order and the backward steps in reverse topological order.
// The backward pass here repeats what `Tensor.backward()` does — the same order, the same
// vjp calls, the same in-place additions — so every gradient matches it to the last bit,
// without touching the tensors' own `.grad`.
import { topologicalOrder } from "../tensor/autograd.ts";
import { noGrad } from "../tensor/grad-mode.ts";
import { Tensor } from "../tensor/tensor.ts";
import { consumersOf } from "./find-layers.ts";
import { layerContext, layerFormula } from "./layer-formula.ts";
import { type NameMap, nameNodes } from "./name-nodes.ts";
import { backwardTex, forwardTex, localTex } from "./step-tex.ts";
import type {
  BackwardStep,
  BackwardTerm,
  ForwardStep,
  NodeKind,
  Trace,
  TraceEdge,
  TraceNode,
  Values,
} from "./types.ts";

/** Options for `graph.trace`. */
export interface TraceOptions {
  /** TeX labels for tensors: a Map, or `{ "\\hat{y}": yhat }`. Default: tensor names. */
  names?: NameMap;
  /**
   * Also send gradients to inputs that do not require one, e.g. to nudge the data x
   * (default false: exactly the tensors `backward()` gives a gradient).
   */
  allGradients?: boolean;
}

/** A trace together with the tensors behind its nodes (for the checks that re-run them). */
export interface TracedComputation {
  readonly trace: Trace;
  readonly tensors: ReadonlyMap<string, Tensor>;
}

function values(t: Tensor): Values {
  return { shape: [...t.shape], data: Array.from(t.data) };
}

function valuesOf(data: Float64Array, shape: readonly number[]): Values {
  return { shape: [...shape], data: Array.from(data) };
}

function kindOf(t: Tensor, root: Tensor): NodeKind {
  if (t === root) return "output";
  if (t.gradFn) return "intermediate";
  if (t.isConstant) return "constant";
  return t.requiresGrad ? "parameter" : "input";
}

/** Traces `result` and keeps the tensors; see `trace`. */
export function traceComputation(result: Tensor, options: TraceOptions = {}): TracedComputation {
  if (!(result instanceof Tensor)) {
    throw new Error(
      `graph.trace: expected a Tensor (the result of a computation), found ${typeof result}`,
    );
  }
  if (!result.gradFn) {
    throw new Error(
      "graph.trace: this tensor has no recorded graph — the library records a computation only when " +
        "one of its inputs was created with { requiresGrad: true } (and not inside noGrad)",
    );
  }
  const order = topologicalOrder(result);
  const ids = new Map<Tensor, string>(order.map((t, k) => [t, `n${k}`]));
  const labels = nameNodes(order, result, options.names);
  const wantsGrad = (t: Tensor): boolean =>
    t.requiresGrad || (options.allGradients === true && !t.isConstant);

  // Backward first (the nodes carry their gradients), recorded term by term.
  const grads = new Map<Tensor, Float64Array>();
  const terms = new Map<Tensor, BackwardTerm[]>();
  const backwardOrder: Tensor[] = [];
  const edgeId = new Map<string, string>();
  const edges: TraceEdge[] = [];
  for (const t of order) {
    t.gradFn?.inputs.forEach((input, i) => {
      const id = `e${edges.length}`;
      edgeId.set(`${ids.get(t)}:${i}`, id);
      edges.push({ id, from: ids.get(input)!, to: ids.get(t)!, argIndex: i });
    });
  }
  grads.set(result, new Float64Array(result.data.length).fill(1)); // the seed ∂out/∂out = 1
  noGrad(() => {
    for (let k = order.length - 1; k >= 0; k--) {
      const t = order[k]!;
      const g = grads.get(t);
      if (!g) continue;
      backwardOrder.push(t);
      const fn = t.gradFn;
      if (!fn) continue;
      const gradOut = new Tensor(g, t.shape);
      fn.inputs.forEach((input, i) => {
        if (!wantsGrad(input)) return;
        const product = fn.vjp(i, gradOut);
        const acc = grads.get(input);
        if (acc) for (let j = 0; j < acc.length; j++) acc[j]! += product.data[j]!;
        else grads.set(input, Float64Array.from(product.data));
        const local = fn.localGrad(i);
        const list = terms.get(input) ?? [];
        list.push({
          child: ids.get(t)!,
          edge: edgeId.get(`${ids.get(t)}:${i}`)!,
          argIndex: i,
          upstream: valuesOf(g, t.shape),
          local: local ? values(local) : null,
          localTex: "",
          product: values(product),
          runningSum: valuesOf(grads.get(input)!, input.shape),
        });
        terms.set(input, list);
      });
    }
  });

  const nodes: TraceNode[] = order.map((t, index) => {
    const g = grads.get(t);
    const label = labels.get(t)!;
    return {
      id: ids.get(t)!,
      index,
      op: t.gradFn?.op ?? "leaf",
      label: label.label,
      tex: label.tex,
      kind: kindOf(t, result),
      shape: [...t.shape],
      value: values(t),
      grad: g ? valuesOf(g, t.shape) : null,
      requiresGrad: t.requiresGrad,
      inputs: t.gradFn ? t.gradFn.inputs.map((x) => ids.get(x)!) : [],
      attrs: t.gradFn ? { ...t.gradFn.attrs } : {},
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lookup = (id: string): TraceNode => byId.get(id)!;
  const root = lookup(ids.get(result)!);

  const forward: ForwardStep[] = [];
  for (const node of nodes) {
    if (node.op === "leaf") continue;
    const tex = forwardTex(node, node.inputs.map(lookup));
    forward.push({
      kind: "forward",
      node: node.id,
      inputs: node.inputs,
      edges: node.inputs.map((_, i) => edgeId.get(`${node.id}:${i}`)!),
      value: node.value,
      texSymbolic: tex.symbolic,
      texNumeric: tex.numeric,
    });
  }
  const layers = layerContext({ nodes, edges }, consumersOf({ nodes, edges }), root);
  const backward: BackwardStep[] = backwardOrder.map((t) => {
    const node = lookup(ids.get(t)!);
    const nodeTerms = (terms.get(t) ?? []).map((term) => ({
      ...term,
      localTex: localTex(lookup(term.child), term.argIndex, lookup),
    }));
    const grad = node.grad!;
    const tex = backwardTex(root, node, nodeTerms, grad, lookup);
    return {
      kind: "backward",
      node: node.id,
      terms: nodeTerms,
      grad,
      texSymbolic: tex.symbolic,
      texNumeric: tex.numeric,
      texLayer: layerFormula(node, nodeTerms, layers),
    };
  });

  const tensors = new Map<string, Tensor>(order.map((t) => [ids.get(t)!, t]));
  // Edges are listed last consumer first. Dagre's crossing reduction breaks ties by insertion
  // order, and this order is the one that lays sibling subgraphs out in reading order, top to
  // bottom (neuron 1 above neuron 2 in an expanded MLP); ids keep the topological numbering.
  edges.reverse();
  return { trace: { nodes, edges, output: root.id, forward, backward }, tensors };
}

/**
 * Walks the graph recorded from `result` back to its leaves and returns it as plain data:
 * nodes (label, kind, value, gradient), edges (one per argument slot, so `x.mul(x)` has two),
 * forward steps in topological order and backward steps in reverse topological order, each
 * with its equation in symbols and in numbers. Gradients equal what `result.backward()`
 * computes, bit for bit; the tensors' own `.grad` are left alone.
 */
export function trace(result: Tensor, options: TraceOptions = {}): Trace {
  return traceComputation(result, options).trace;
}
