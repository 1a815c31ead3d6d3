// Turns a computation recorded by the tensor library into plain data: nodes, edges, the
// forward steps in topological order and the backward steps in reverse topological order.
// The backward pass here repeats what `Tensor.backward()` does — the same order, the same
// vjp calls, the same in-place additions — so every gradient matches it to the last bit,
// without touching the tensors' own `.grad`.
import { noGrad, Tensor, topologicalOrder } from "../../tensor/index.ts";
import { backwardTex, forwardTex, layerContext, layerFormula, localTex } from "../tex/index.ts";
import { sweepOutputToInput } from "./backward-sweep.ts";
import { consumersOf } from "./find-layers.ts";
import { type NameMap, nameNodes } from "./name-nodes.ts";
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

/** `map.get(key)` for a key the trace itself recorded; a miss is a bug, and says so. */
function need<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const v = map.get(key);
  if (v === undefined) throw new Error("graph.trace: internal error, a node was not recorded");
  return v;
}

function kindOf(t: Tensor, root: Tensor): NodeKind {
  if (t === root) return "output";
  if (t.gradFn) return "intermediate";
  if (t.isConstant) return "constant";
  return t.requiresGrad ? "parameter" : "input";
}

/** The graph as recorded: tensors in topological order, their ids and their edges' ids. */
interface Recorded {
  readonly result: Tensor;
  readonly order: readonly Tensor[];
  readonly idOf: (t: Tensor) => string;
  /** Edge id by "node id:argument index". */
  readonly edgeId: ReadonlyMap<string, string>;
  readonly edges: TraceEdge[];
}

/** What the backward pass leaves: every gradient, the terms summed into it, the order run. */
interface BackwardRun {
  readonly grads: ReadonlyMap<Tensor, Float64Array>;
  readonly terms: ReadonlyMap<Tensor, BackwardTerm[]>;
  readonly backwardOrder: readonly Tensor[];
}

/** Traces `result` and keeps the tensors; see `trace`. */
export function traceComputation(result: Tensor, options: TraceOptions = {}): TracedComputation {
  checkTraceable(result);
  const recorded = recordGraph(result);
  const { order, idOf, edges } = recorded;
  const run = runBackward(recorded, options);
  const nodes = traceNodes(recorded, nameNodes(order, result, options.names), run.grads);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const lookup = (id: string): TraceNode => need(byId, id);
  const root = lookup(idOf(result));
  const forward = forwardSteps(nodes, recorded, lookup);
  const layers = layerContext({ nodes, edges }, consumersOf({ nodes, edges }), root);
  const backward = backwardSteps(run, root, idOf, lookup, layers);
  const tensors = new Map<string, Tensor>(order.map((t) => [idOf(t), t]));
  const sweep = sweepOutputToInput(nodes, root.id, backward);
  return { trace: { nodes, edges, output: root.id, forward, backward: sweep }, tensors };
}

function checkTraceable(result: Tensor): void {
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
}

/** Ids for the tensors (n0, n1, … in topological order) and one edge per argument slot. */
function recordGraph(result: Tensor): Recorded {
  const order = topologicalOrder(result);
  const ids = new Map<Tensor, string>(order.map((t, k) => [t, `n${k}`]));
  const idOf = (t: Tensor): string => need(ids, t);
  const edgeId = new Map<string, string>();
  const edges: TraceEdge[] = [];
  for (const t of order) {
    t.gradFn?.inputs.forEach((input, i) => {
      const id = `e${edges.length}`;
      edgeId.set(`${idOf(t)}:${i}`, id);
      edges.push({ id, from: idOf(input), to: idOf(t), argIndex: i });
    });
  }
  return { result, order, idOf, edgeId, edges };
}

/** The backward pass, as `Tensor.backward()` runs it, recorded term by term. */
function runBackward(recorded: Recorded, options: TraceOptions): BackwardRun {
  const { result, order, idOf, edgeId } = recorded;
  const wantsGrad = (t: Tensor): boolean =>
    t.requiresGrad || (options.allGradients === true && !t.isConstant);
  const grads = new Map<Tensor, Float64Array>();
  const terms = new Map<Tensor, BackwardTerm[]>();
  const backwardOrder: Tensor[] = [];
  grads.set(result, new Float64Array(result.data.length).fill(1)); // the seed ∂out/∂out = 1
  noGrad(() => {
    for (const t of [...order].reverse()) {
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
        if (acc)
          for (let j = 0; j < acc.length; j++) acc[j] = (acc[j] ?? 0) + (product.data[j] ?? 0);
        else grads.set(input, Float64Array.from(product.data));
        const local = fn.localGrad(i);
        const list = terms.get(input) ?? [];
        list.push({
          child: idOf(t),
          edge: need(edgeId, `${idOf(t)}:${i}`),
          argIndex: i,
          upstream: valuesOf(g, t.shape),
          local: local ? values(local) : null,
          localTex: "",
          product: values(product),
          runningSum: valuesOf(need(grads, input), input.shape),
        });
        terms.set(input, list);
      });
    }
  });
  return { grads, terms, backwardOrder };
}

function traceNodes(
  { result, order, idOf }: Recorded,
  labels: ReturnType<typeof nameNodes>,
  grads: ReadonlyMap<Tensor, Float64Array>,
): TraceNode[] {
  return order.map((t, index) => {
    const g = grads.get(t);
    const label = need(labels, t);
    return {
      id: idOf(t),
      index,
      op: t.gradFn?.op ?? "leaf",
      label: label.label,
      tex: label.tex,
      kind: kindOf(t, result),
      shape: [...t.shape],
      value: values(t),
      grad: g ? valuesOf(g, t.shape) : null,
      requiresGrad: t.requiresGrad,
      inputs: t.gradFn ? t.gradFn.inputs.map(idOf) : [],
      attrs: t.gradFn ? { ...t.gradFn.attrs } : {},
    };
  });
}

function forwardSteps(
  nodes: readonly TraceNode[],
  { edgeId }: Recorded,
  lookup: (id: string) => TraceNode,
): ForwardStep[] {
  const forward: ForwardStep[] = [];
  for (const node of nodes) {
    if (node.op === "leaf") continue;
    const tex = forwardTex(node, node.inputs.map(lookup));
    forward.push({
      kind: "forward",
      node: node.id,
      inputs: node.inputs,
      edges: node.inputs.map((_, i) => need(edgeId, `${node.id}:${i}`)),
      value: node.value,
      texSymbolic: tex.symbolic,
      texNumeric: tex.numeric,
    });
  }
  return forward;
}

function backwardSteps(
  { grads, terms, backwardOrder }: BackwardRun,
  root: TraceNode,
  idOf: (t: Tensor) => string,
  lookup: (id: string) => TraceNode,
  layers: ReturnType<typeof layerContext>,
): BackwardStep[] {
  return backwardOrder.map((t) => {
    const node = lookup(idOf(t));
    const nodeTerms = (terms.get(t) ?? []).map((term) => ({
      ...term,
      localTex: localTex(lookup(term.child), term.argIndex, lookup),
    }));
    const grad = valuesOf(need(grads, t), t.shape);
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
