// The equations of a step, first in symbols, then with the numbers. Reads plain trace data
// only. Scalars and tensors up to 4×4 are written out; larger tensors appear as their shapes.
import { texValues, texValuesFactor } from "../model/format.ts";
import type { BackwardTerm, TraceNode, Values } from "../model/types.ts";
import { opTex } from "./op-tex.ts";
import { partialTex, unwrap } from "./tex-parts.ts";

/** Looks a node up by id (the trace under construction). */
export type NodeLookup = (id: string) => TraceNode;

function symbolArg(node: TraceNode): string {
  // Negative constants need parentheses when they appear as an argument.
  return node.tex.startsWith("-") ? `(${node.tex})` : node.tex;
}

function numberArg(values: Values): string {
  return texValuesFactor(values);
}

/** The op's attrs plus its inputs' and output's shapes, for rules that need sizes. */
function withShapes(
  node: TraceNode,
  inputs: readonly TraceNode[],
): Readonly<Record<string, unknown>> {
  return { ...node.attrs, inputShapes: inputs.map((n) => n.shape), outputShape: node.shape };
}

/** `∂L/∂v` as TeX. */
export function partial(of: TraceNode, by: TraceNode): string {
  return partialTex(of.tex, by.tex);
}

/** TeX with the spacing and grouping that do not change what it says removed, to compare. */
function normalise(tex: string): string {
  return tex.replace(/\\cdot|\\[,;!]|\\textstyle|\s|[{}]/g, "");
}

/**
 * Forward step TeX: the definition in symbols (`r = y - \hat{y}`), then the numbers
 * (`r = 1.5 - 0.7 = 0.8`). A node whose label is its own formula (an unnamed product `W x`,
 * or a name such as `(\hat{y}-y)^2`) is not defined by itself: its symbolic line is the
 * formula alone and its numeric line reads `W x = [..] [..] = [..]`.
 */
export function forwardTex(
  node: TraceNode,
  inputs: readonly TraceNode[],
): { symbolic: string; numeric: string } {
  const rule = opTex(node.op);
  const attrs = withShapes(node, inputs);
  const formula = rule.forward(inputs.map(symbolArg), attrs);
  const symbolic =
    normalise(formula) === normalise(node.tex) ? formula : `${node.tex} = ${formula}`;
  const numbers = rule.forward(
    inputs.map((n) => numberArg(n.value)),
    attrs,
  );
  return { symbolic, numeric: `${node.tex} = ${numbers} = ${texValues(node.value)}` };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, k) => n === b[k]);
}

/** Wraps an element-wise product that broadcasting then sums back to the input's shape. */
function reduced(tex: string, input: TraceNode, child: TraceNode): string {
  return sameShape(input.shape, child.shape)
    ? tex
    : `\\textstyle\\sum_{\\text{bcast}}\\!\\left(${tex}\\right)`;
}

interface TermTex {
  chain: string;
  expanded: string;
  numeric: string;
}

function termTex(
  root: TraceNode,
  node: TraceNode,
  term: BackwardTerm,
  lookup: NodeLookup,
): TermTex {
  const child = lookup(term.child);
  const rule = opTex(child.op);
  const args = childArgs(child, lookup);
  const up = partial(root, child);
  const scalar = child.value.data.length === 1;
  const times = scalar ? "\\," : " \\circ ";
  if (term.local) {
    const chain = reduced(`${up}${scalar ? "" : " \\circ "}${partial(child, node)}`, node, child);
    const local = term.localTex;
    const expanded = reduced(`${up}${times}(${local})`, node, child);
    const numTimes = scalar ? " \\cdot " : " \\circ ";
    const numeric = reduced(
      `${numberArg(term.upstream)}${numTimes}${numberArg(term.local)}`,
      node,
      child,
    );
    return { chain, expanded, numeric };
  }
  const attrs = withShapes(child, args);
  const formula = rule.term
    ? rule.term(term.argIndex, up, args.map(symbolArg), child.tex, attrs)
    : `${up}\\, ${partial(child, node)}`;
  // Every number stands as a factor here: `[..]^{\top} (-0.29)`, never `[..]^{\top} -0.29`.
  const numeric = rule.term
    ? rule.term(
        term.argIndex,
        numberArg(term.upstream),
        args.map((n) => numberArg(n.value)),
        numberArg(child.value),
        attrs,
      )
    : texValues(term.product);
  return { chain: formula, expanded: formula, numeric };
}

function childArgs(child: TraceNode, lookup: NodeLookup): TraceNode[] {
  return child.inputs.map(lookup);
}

/** Backward step TeX: the chain rule over every edge to a child, then the numbers. */
export function backwardTex(
  root: TraceNode,
  node: TraceNode,
  terms: readonly BackwardTerm[],
  grad: Values,
  lookup: NodeLookup,
): { symbolic: string; numeric: string } {
  const lhs = partial(root, node);
  if (terms.length === 0) {
    const seed = texValues(grad);
    return { symbolic: `${lhs} = 1`, numeric: `${lhs} = ${seed}` };
  }
  const parts = terms.map((t) => termTex(root, node, t, lookup));
  const chain = parts.map((p) => p.chain).join(" + ");
  const expanded = parts.map((p) => p.expanded).join(" + ");
  const symbolic =
    chain === expanded
      ? `${lhs} = ${chain}`
      : `\\begin{aligned} ${lhs} &= ${chain} \\\\ &= ${expanded} \\end{aligned}`;
  const result = texValues(grad);
  const first = parts.map((p) => p.numeric).join(" + ");
  // A term that passes the gradient through unchanged (a bias of nn.Linear) is its own result.
  if (terms.length === 1 && unwrap(first) === result) {
    return { symbolic, numeric: `${lhs} = ${result}` };
  }
  let numeric = `${lhs} = ${first}`;
  if (terms.length > 1) {
    numeric += ` = ${terms.map((t, k) => (k === 0 ? texValues(t.product) : texValuesFactor(t.product))).join(" + ")}`;
  }
  numeric += ` = ${result}`;
  return { symbolic, numeric };
}

/** TeX of a term's local derivative in symbols (`2 r`, `-1`, `x_{1}`), for the ledger. */
export function localTex(child: TraceNode, argIndex: number, lookup: NodeLookup): string {
  const rule = opTex(child.op);
  const args = childArgs(child, lookup).map(symbolArg);
  return (
    rule.local(argIndex, args, child.tex, child.attrs) ??
    `\\frac{\\partial ${child.tex}}{\\partial ${args[argIndex] ?? ""}}`
  );
}
