// The lecture's layered form of a backward step, recognised from the graph's shape:
//   pre-activation z feeding f:   δ = f′(z) ∘ Wᵀδ⁺   (or f′(z) ∘ ∂ℓ/∂a at the last layer)
//   weight W in z = W a (+ b):    ∂ℓ/∂W = δ aᵀ
//   bias b in z = … + b:          ∂ℓ/∂b = δ
// With x @ W (rows as examples) the transposes move to the other side: δ⁺Wᵀ and aᵀδ.
import { opTex, raise } from "./op-tex.ts";
import type { Trace, TraceNode } from "./types.ts";

const ACTIVATIONS = new Set(["tanh", "sigmoid", "relu", "leakyRelu"]);

interface Use {
  node: TraceNode;
  argIndex: number;
}

/** Finds, for each node, the ops that use it. */
export function consumersOf(trace: Pick<Trace, "nodes" | "edges">): Map<string, Use[]> {
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const uses = new Map<string, Use[]>();
  for (const e of trace.edges) {
    const list = uses.get(e.from) ?? [];
    list.push({ node: byId.get(e.to)!, argIndex: e.argIndex });
    uses.set(e.from, list);
  }
  return uses;
}

function delta(z: TraceNode): string {
  const layer = /^z_\{(\d+)\}$/.exec(z.tex);
  if (layer) return `\\delta_{${layer[1]}}`;
  // z^{(1)} → δ^{(1)}, z^{(1)}_{2} → δ^{(1)}_{2} (the lecture's and the neuron view's labels)
  const upper = /^z\^\{\((\d+)\)\}(_\{\d+\})?$/.exec(z.tex);
  return upper ? `\\delta^{(${upper[1]})}${upper[2] ?? ""}` : `\\delta_{${z.tex}}`;
}

/** The pre-activation a matmul feeds: its bias add when there is one, else the product itself. */
function preActivationOf(m: TraceNode, uses: Map<string, Use[]>): TraceNode | null {
  const next = uses.get(m.id);
  const candidate = next?.length === 1 && next[0]!.node.op === "add" ? next[0]!.node : m;
  return feedsActivation(candidate, uses) ? candidate : null;
}

function feedsActivation(node: TraceNode, uses: Map<string, Use[]>): boolean {
  const after = uses.get(node.id);
  return after?.length === 1 && ACTIVATIONS.has(after[0]!.node.op);
}

/** The layered formula for a backward step at `node`, or null when the graph has no layer shape there. */
export function layerFormula(
  node: TraceNode,
  lookup: (id: string) => TraceNode,
  uses: Map<string, Use[]>,
  root: TraceNode,
): string | null {
  const mine = uses.get(node.id) ?? [];
  if (mine.length !== 1) return null;
  const [{ node: child, argIndex }] = mine as [Use];
  // Case 1: a pre-activation.
  if (
    ACTIVATIONS.has(child.op) &&
    (node.op === "add" || node.op === "matmul" || node.op === "linear")
  ) {
    const fPrime =
      opTex(child.op).local(0, [node.tex], child.tex, child.attrs) ?? `f'(${node.tex})`;
    const next = uses.get(child.id) ?? [];
    const m =
      next.length === 1 && ["matmul", "linear"].includes(next[0]!.node.op) ? next[0]! : null;
    const zNext = m ? preActivationOf(m.node, uses) : null;
    if (m?.node.op === "linear" && m.argIndex === 0 && zNext) {
      // z⁺ = a W⁺ᵀ + b⁺ (nn.Linear): the gradient comes back as δ⁺ W⁺.
      const W = lookup(m.node.inputs[1]!);
      return `${delta(node)} = (${fPrime}) \\circ ${delta(zNext)}\\, ${W.tex}`;
    }
    if (m?.node.op === "matmul" && zNext) {
      const W = lookup(m.node.inputs[1 - m.argIndex]!);
      const back =
        m.argIndex === 1
          ? `${raise(W.tex, "\\top")} ${delta(zNext)}`
          : `${delta(zNext)}\\, ${raise(W.tex, "\\top")}`;
      return `${delta(node)} = (${fPrime}) \\circ ${back}`;
    }
    return `${delta(node)} = (${fPrime}) \\circ \\frac{\\partial ${root.tex}}{\\partial ${child.tex}}`;
  }
  if (node.op !== "leaf") return null;
  // Case 2: a weight matrix multiplying the previous layer's activations.
  if (child.op === "matmul") {
    const z = preActivationOf(child, uses);
    if (!z) return null;
    const a = lookup(child.inputs[1 - argIndex]!);
    return argIndex === 0
      ? `\\frac{\\partial ${root.tex}}{\\partial ${node.tex}} = ${delta(z)}\\, ${raise(a.tex, "\\top")}`
      : `\\frac{\\partial ${root.tex}}{\\partial ${node.tex}} = ${raise(a.tex, "\\top")} ${delta(z)}`;
  }
  // nn.Linear's weight and bias: z = a Wᵀ + b gives ∂ℓ/∂W = δᵀ a and ∂ℓ/∂b = Σ_rows δ.
  if (child.op === "linear" && argIndex > 0 && feedsActivation(child, uses)) {
    const lhs = `\\frac{\\partial ${root.tex}}{\\partial ${node.tex}}`;
    if (argIndex === 1)
      return `${lhs} = ${raise(delta(child), "\\top")} ${lookup(child.inputs[0]!).tex}`;
    const rows =
      child.shape.length > 1 && (child.shape[0] ?? 1) > 1 ? "\\textstyle\\sum_{\\text{rows}} " : "";
    return `${lhs} = ${rows}${delta(child)}`;
  }
  // Case 3: a bias added to the pre-activation.
  if (child.op === "add" && feedsActivation(child, uses)) {
    const sum = node.shape.join() === child.shape.join() ? "" : "\\textstyle\\sum_{\\text{batch}} ";
    return `\\frac{\\partial ${root.tex}}{\\partial ${node.tex}} = ${sum}${delta(child)}`;
  }
  return null;
}
