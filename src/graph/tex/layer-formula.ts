// The lecture's layered form of a backward step (chapter 6, eq. "deltas"), with the numbers:
//   δᴸ = f′(zᴸ) ∘ ∂ℓ/∂aᴸ  (δᴸ = ∂ℓ/∂zᴸ for a linear output layer)
//   δˡ = f′(zˡ) ∘ (Wˡ⁺¹)ᵀ δˡ⁺¹,   ∂ℓ/∂Wˡ = δˡ (aˡ⁻¹)ᵀ,   ∂ℓ/∂bˡ = δˡ,   ∂ℓ/∂aˡ⁻¹ = (Wˡ)ᵀ δˡ
// nn.Linear stores examples as rows (z = a Wᵀ + b); its layers are written in the lecture's
// columns, so δ and the activations appear transposed from the stored tensors. With x @ W in
// the code (rows as examples) the transposes move to the other side: δˡ⁺¹ (Wˡ⁺¹)ᵀ and aᵀ δ.
import { findLayers, type Layer, onlyUse, type Use } from "../model/find-layers.ts";
import { texValues, texValuesFactor, transposeValues } from "../model/format.ts";
import { isActivation } from "../model/op-definitions.ts";
import type { BackwardTerm, Trace, TraceNode, Values } from "../model/types.ts";
import { opTex } from "./op-tex.ts";
import { partialTex, times, transposed } from "./tex-parts.ts";

export { consumersOf } from "../model/find-layers.ts";

/** What the layered form needs to know about the whole graph. */
export interface LayerContext {
  readonly layers: readonly Layer[];
  readonly uses: ReadonlyMap<string, Use[]>;
  readonly lookup: (id: string) => TraceNode;
  readonly root: TraceNode;
}

/** The context for a trace's nodes and edges. */
export function layerContext(
  trace: Pick<Trace, "nodes" | "edges">,
  uses: ReadonlyMap<string, Use[]>,
  root: TraceNode,
): LayerContext {
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const lookup = (id: string): TraceNode => {
    const node = byId.get(id);
    if (!node) throw new Error(`graph.trace: internal error, no node ${id}`);
    return node;
  };
  return { layers: findLayers(trace, uses), uses, lookup, root };
}

const columns = (layer: Layer): boolean => layer.form !== "rows";

/** Thrown where a node of a layer carries no gradient: then there is no layered form. */
class NoGradient extends Error {}

/** The node's gradient; the formulas are only written where every node has one. */
function gradOf(node: TraceNode): Values {
  if (!node.grad) throw new NoGradient(node.label);
  return node.grad;
}

/** Values as the formula writes them: nn.Linear's rows turned into the lecture's columns. */
function oriented(layer: Layer, values: Values): Values {
  return layer.form === "linear" ? transposeValues(values) : values;
}

function deltaOf(layer: Layer, layers: readonly Layer[]): string {
  const sub = /^[zW]_\{(\d+)\}$/;
  const sup = /^[zW]\^\{\((\d+)\)\}$/;
  for (const tex of [layer.z.tex, layer.W.tex]) {
    const low = sub.exec(tex);
    if (low) return `\\delta_{${low[1]}}`;
    const high = sup.exec(tex);
    if (high) return `\\delta^{(${high[1]})}`;
  }
  return `\\delta_{${layers.indexOf(layer) + 1}}`;
}

/** δ of a pre-activation that is not part of a recognised layer (e.g. a neuron z⁽¹⁾₂). */
function deltaOfNode(z: TraceNode): string {
  const low = /^z_\{(\d+)\}$/.exec(z.tex);
  if (low) return `\\delta_{${low[1]}}`;
  const high = /^z\^\{\((\d+)\)\}(_\{\d+\})?$/.exec(z.tex);
  return high ? `\\delta^{(${high[1]})}${high[2] ?? ""}` : `\\delta_{${z.tex}}`;
}

/**
 * `lhs = symbols = numbers = result`, leaving out the numbers when they are the result. One
 * chain: the panel typesets it inline, so a long one wraps after an "=".
 */
function equation(lhs: string, symbols: string, numbers: string | null, result: string): string {
  const parts = [lhs, symbols];
  if (numbers !== null && numbers !== result) parts.push(numbers);
  parts.push(result);
  return parts.join(" = ");
}

/** f′(z) in symbols, parenthesised when it is more than one factor. */
function fPrimeTex(activation: TraceNode, z: TraceNode): string {
  const local = opTex(activation.op).local(0, [z.tex], activation.tex, activation.attrs);
  if (!local) return `f'(${z.tex})`;
  return /[\s+-]/.test(local) && !local.startsWith("\\mathbb") ? `(${local})` : local;
}

/** `f′ ∘ rest`, or `f′ · rest` when f′ is one number. */
function hadamard(fPrime: string, rest: string, scalar: boolean): string {
  return `${fPrime}${scalar ? " \\cdot " : " \\circ "}${rest}`;
}

function examplesOf(layer: Layer): number {
  const { shape } = layer.z;
  if (shape.length < 2) return 1;
  return layer.form === "column" ? (shape[1] ?? 1) : (shape[0] ?? 1);
}

/** ∂ℓ/∂a for a layer's input: (W)ᵀ δ (columns) or δ Wᵀ (rows). */
function backThrough(layer: Layer, delta: string, W: string): string {
  return columns(layer) ? times(transposed(W), delta) : times(delta, transposed(W));
}

/** The layer whose input `node` is, when that layer is the node's only use. */
function layerReading(node: TraceNode, context: LayerContext): Layer | null {
  const use = onlyUse(node, context.uses);
  if (!use) return null;
  return (
    context.layers.find((l) => l.input.id === node.id && (l.product ?? l.z).id === use.node.id) ??
    null
  );
}

function atPreActivation(
  layer: Layer,
  terms: readonly BackwardTerm[],
  context: LayerContext,
): string {
  const { layers, root } = context;
  const d = deltaOf(layer, layers);
  const result = texValues(oriented(layer, gradOf(layer.z)));
  const act = layer.activation;
  if (!act) {
    // Braced, so that the note's "=" is not a place to wrap the line.
    return `${equation(d, partialTex(root.tex, layer.z.tex), null, result)} \\qquad {(\\text{linear output layer: } f' = 1)}`;
  }
  const local = terms.find((t) => t.child === act.id)?.local;
  const fp = fPrimeTex(act, layer.z);
  const fpValues = local ? oriented(layer, local) : null;
  const scalar = act.value.data.length === 1;
  const fpNum = fpValues ? texValuesFactor(fpValues) : null;
  const next = layerReading(act, context);
  if (next && columns(next) === columns(layer)) {
    const dn = deltaOf(next, layers);
    const dnNum = texValuesFactor(oriented(next, gradOf(next.z)));
    const WNum = texValuesFactor(next.W.value);
    const symbols = hadamard(fp, backThrough(next, dn, next.W.tex), scalar);
    const numbers = fpNum && hadamard(fpNum, backThrough(next, dnNum, WNum), scalar);
    return equation(d, symbols, numbers, result);
  }
  const symbols = hadamard(fp, partialTex(root.tex, act.tex), scalar);
  const numbers =
    fpNum && act.grad && hadamard(fpNum, texValuesFactor(oriented(layer, act.grad)), scalar);
  return equation(d, symbols, numbers, result);
}

function atWeight(layer: Layer, context: LayerContext): string {
  const d = deltaOf(layer, context.layers);
  const dNum = texValuesFactor(oriented(layer, gradOf(layer.z)));
  const a = layer.input;
  const aNum = texValuesFactor(oriented(layer, a.value));
  const [symbols, numbers] = columns(layer)
    ? [times(d, transposed(a.tex)), times(dNum, transposed(aNum))]
    : [times(transposed(a.tex), d), times(transposed(aNum), dNum)];
  return equation(
    partialTex(context.root.tex, layer.W.tex),
    symbols,
    numbers,
    texValues(gradOf(layer.W)),
  );
}

function atBias(layer: Layer, b: TraceNode, context: LayerContext): string {
  const d = deltaOf(layer, context.layers);
  const result = texValues(layer.form === "linear" ? transposeValues(gradOf(b)) : gradOf(b));
  const lhs = partialTex(context.root.tex, b.tex);
  if (examplesOf(layer) === 1) return equation(lhs, d, null, result);
  const sum = "\\textstyle\\sum_{\\text{examples}} ";
  return equation(
    lhs,
    `${sum}${d}`,
    `${sum}${texValuesFactor(oriented(layer, gradOf(layer.z)))}`,
    result,
  );
}

function atInput(node: TraceNode, layer: Layer, context: LayerContext): string {
  const d = deltaOf(layer, context.layers);
  const dNum = texValuesFactor(oriented(layer, gradOf(layer.z)));
  return equation(
    partialTex(context.root.tex, node.tex),
    backThrough(layer, d, layer.W.tex),
    backThrough(layer, dNum, texValuesFactor(layer.W.value)),
    texValues(oriented(layer, gradOf(node))),
  );
}

/** A pre-activation outside a recognised layer (a neuron's z): δ = f′(z) ∘ ∂ℓ/∂a. */
function atLoosePreActivation(
  node: TraceNode,
  terms: readonly BackwardTerm[],
  context: LayerContext,
): string | null {
  const use = onlyUse(node, context.uses);
  if (use?.argIndex !== 0 || !["add", "matmul", "linear"].includes(node.op)) return null;
  const act = use.node;
  const local = terms.find((t) => t.child === act.id)?.local;
  if (!local || !act.grad || !isActivation(act.op)) return null;
  const scalar = act.value.data.length === 1;
  return equation(
    deltaOfNode(node),
    hadamard(fPrimeTex(act, node), partialTex(context.root.tex, act.tex), scalar),
    hadamard(texValuesFactor(local), texValuesFactor(act.grad), scalar),
    texValues(gradOf(node)),
  );
}

/**
 * The layered formula for the backward step at `node` (whose chain-rule terms are `terms`),
 * symbols then numbers, or null where the graph has no layer shape there.
 */
export function layerFormula(
  node: TraceNode,
  terms: readonly BackwardTerm[],
  context: LayerContext,
): string | null {
  if (!node.grad || terms.length === 0) return null;
  try {
    return layerFormulaAt(node, node.grad, terms, context);
  } catch (error) {
    if (error instanceof NoGradient) return null;
    throw error;
  }
}

function layerFormulaAt(
  node: TraceNode,
  grad: Values,
  terms: readonly BackwardTerm[],
  context: LayerContext,
): string | null {
  const use = onlyUse(node, context.uses);
  for (const layer of context.layers) {
    if (layer.z.id === node.id) return atPreActivation(layer, terms, context);
    const op = layer.product ?? layer.z;
    if (layer.W.id === node.id && use?.node.id === op.id) return atWeight(layer, context);
    if (layer.b?.id === node.id && use?.node.id === layer.z.id) {
      return atBias(layer, layer.b, context);
    }
    if (layer.product?.id === node.id) {
      const d = deltaOf(layer, context.layers);
      return equation(partialTex(context.root.tex, node.tex), d, null, texValues(grad));
    }
  }
  const reading = layerReading(node, context);
  if (reading) return atInput(node, reading, context);
  return atLoosePreActivation(node, terms, context);
}
