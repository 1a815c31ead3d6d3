// Recognises the layers of a network in a traced graph, so the stepper can write the lecture's
// layered form beside the chain rule. A layer is z = W a + b (a matmul with a learnable W, then
// a bias add), nn.Linear's one op z = a Wᵀ + b, or x @ W with rows as examples; its
// activation a = f(z) when z feeds one. Plain data in, plain data out.
import { isActivation } from "./op-definitions.ts";
import type { Trace, TraceNode } from "./types.ts";

/** One use of a node: it is argument `argIndex` of `node`. */
export interface Use {
  readonly node: TraceNode;
  readonly argIndex: number;
}

/**
 * How the layer is written. "column": z = W a + b, the lecture's own form; "linear":
 * nn.Linear's z = a Wᵀ + b with examples as rows, written in the lecture's columns
 * (δ is the transpose of ∂ℓ/∂z); "rows": z = a W + b as the code wrote it.
 */
export type LayerForm = "column" | "linear" | "rows";

export interface Layer {
  /** The pre-activation: the bias add, nn.Linear's op, or the product when there is no bias. */
  readonly z: TraceNode;
  /** The matmul when z = W a + b takes two nodes; null otherwise. */
  readonly product: TraceNode | null;
  readonly W: TraceNode;
  readonly b: TraceNode | null;
  /** The layer's input a⁽ˡ⁻¹⁾ (x for the first layer). */
  readonly input: TraceNode;
  /** a = f(z), or null for a linear layer (the usual output layer). */
  readonly activation: TraceNode | null;
  readonly form: LayerForm;
}

/** Finds, for each node, the ops that use it. */
export function consumersOf(trace: Pick<Trace, "nodes" | "edges">): Map<string, Use[]> {
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const uses = new Map<string, Use[]>();
  for (const e of trace.edges) {
    const node = byId.get(e.to);
    if (!node) continue;
    const list = uses.get(e.from) ?? [];
    list.push({ node, argIndex: e.argIndex });
    uses.set(e.from, list);
  }
  return uses;
}

const isWeight = (n: TraceNode): boolean => n.op === "leaf" && n.requiresGrad;

/** The only use of `node`, or null when it has none or several. */
export function onlyUse(node: TraceNode, uses: ReadonlyMap<string, Use[]>): Use | null {
  const list = uses.get(node.id);
  return list?.length === 1 ? (list[0] ?? null) : null;
}

function activationOf(z: TraceNode, uses: ReadonlyMap<string, Use[]>): TraceNode | null {
  const use = onlyUse(z, uses);
  return use && use.argIndex === 0 && isActivation(use.node.op) ? use.node : null;
}

/** The layer a matmul or linear op starts, before deciding whether it counts as one. */
function layerAt(
  m: TraceNode,
  lookup: (id: string) => TraceNode | undefined,
  uses: ReadonlyMap<string, Use[]>,
): Layer | null {
  const args = m.inputs.map(lookup).filter((n): n is TraceNode => n !== undefined);
  if (args.length !== m.inputs.length) return null;
  if (m.op === "linear") {
    const [input, W, b] = args;
    // [N, T, in] inputs have no column form in the lecture's notation.
    if (!input || !W || m.shape.length > 2) return null;
    return {
      z: m,
      product: null,
      W,
      b: b ?? null,
      input,
      activation: activationOf(m, uses),
      form: "linear",
    };
  }
  if (m.op !== "matmul" || args.length !== 2) return null;
  const [left, right] = args as [TraceNode, TraceNode];
  // The learnable factor is the weight: W a (columns, the lecture's) or a W (rows as examples).
  const form: LayerForm | null = isWeight(left) ? "column" : isWeight(right) ? "rows" : null;
  if (!form) return null;
  const [W, input] = form === "column" ? [left, right] : [right, left];
  const next = onlyUse(m, uses);
  const biasId = next?.node.op === "add" && next.argIndex === 0 ? next.node.inputs[1] : undefined;
  const bias = biasId === undefined ? undefined : lookup(biasId);
  const withBias = next && bias?.op === "leaf" ? { z: next.node, b: bias } : null;
  const z = withBias?.z ?? m;
  return {
    z,
    product: withBias ? m : null,
    W,
    b: withBias?.b ?? null,
    input,
    activation: activationOf(z, uses),
    form,
  };
}

/**
 * The layers of the graph in topological order. nn.Linear ops always count; a matmul counts
 * when an activation follows it or when it reads another layer's activation (a linear output
 * layer), so that a lone `M.matmul(a)` is not mistaken for a network.
 */
export function findLayers(
  trace: Pick<Trace, "nodes" | "edges">,
  uses: ReadonlyMap<string, Use[]> = consumersOf(trace),
): Layer[] {
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const lookup = (id: string): TraceNode | undefined => byId.get(id);
  const layers: Layer[] = [];
  const activations = new Set<string>();
  for (const node of trace.nodes) {
    const layer = layerAt(node, lookup, uses);
    if (!layer) continue;
    if (layer.form === "linear" || layer.activation || activations.has(layer.input.id)) {
      layers.push(layer);
      if (layer.activation) activations.add(layer.activation.id);
    }
  }
  return layers;
}
