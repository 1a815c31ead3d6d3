// Second derivatives through linear backward rules, for createGraph. Many ops' vjps are linear
// maps of the upstream gradient that do not depend on a differentiable input — sum, reshape,
// transpose, narrow, concat, gather, where's branches, and ops whose derivative is piecewise
// constant (relu's mask, max's argmax, clamp). Such a vjp, g ↦ Lᵀg, is recorded as an op of
// its own ("backward"), whose backward is L — the original op's forward-mode rule — and whose
// own backward is Lᵀ again, so gradients of gradients of any order come from the rules the op
// already has.
import { makeResult, type OpNode, type OpRecord, type OpRule } from "./op.ts";
import { type OpDefinition, operatorTex } from "./op-definition.ts";
import type { Tensor } from "./tensor.ts";

interface Saved {
  // biome-ignore lint/suspicious/noExplicitAny: any op's node, whatever it saved
  node: OpNode<any>;
  /** The input whose vjp this is. */
  i: number;
  /** true: this node applies Lᵀ (the vjp); false: L (the jvp with input i moving). */
  transposed: boolean;
}

/** L h: the op's forward-mode rule with only input i moving. */
function applyL(s: Saved, h: Tensor): Tensor {
  const tangents = s.node.inputs.map((_, j) => (j === s.i ? h : null));
  return s.node.rule.jvp(s.node as OpRecord<unknown>, tangents);
}

/** Lᵀ g: the op's vjp for input i. */
function applyLT(s: Saved, g: Tensor): Tensor {
  return s.node.rule.vjp(s.node, s.i, g);
}

function apply(s: Saved, x: Tensor, transposed: boolean): Tensor {
  return transposed ? applyLT(s, x) : applyL(s, x);
}

/** Records x ↦ Lᵀx (transposed) or x ↦ Lx as a node whose rules are the other map. */
function record(s: Saved, x: Tensor, transposed: boolean): Tensor {
  const y = apply(s, x, transposed);
  const saved: Saved = { node: s.node, i: s.i, transposed };
  // The op it came from, as plain data for the graph; the node itself, hidden, for replay.
  const attrs = { of: s.node.op, input: s.i };
  Object.defineProperty(attrs, "adjoint", { value: saved, enumerable: false });
  return makeResult(y.data, y.shape, adjointRule, "backward", [x], attrs, saved);
}

const adjointRule: OpRule<Saved> = {
  saves: [],
  vjp: (n, _j, h) => apply(n.saved, h, !n.saved.transposed),
  jvp: (n, [t]) => apply(n.saved, t as Tensor, n.saved.transposed),
  vjpGraph: (n, _j, h) => record(n.saved, h, !n.saved.transposed),
};

/**
 * `vjpGraph` for an op whose vjp for input i is linear in the gradient and needs no
 * differentiation through the op's inputs (see the file comment).
 */
// biome-ignore lint/suspicious/noExplicitAny: any op's node
export function linearVjpGraph(node: OpNode<any>, i: number, g: Tensor): Tensor {
  return record({ node, i, transposed: true }, g, true);
}

/** The node a createGraph backward records for a linear vjp, for the graph view. */
export const ADJOINT: OpDefinition = {
  name: "backward",
  forward: (() => {
    throw new Error("backward: this node is recorded by a createGraph backward, not called");
  }) as OpDefinition["forward"],
  rules: [adjointRule],
  replay: (xs, attrs) => {
    const s = attrs.adjoint as Saved | undefined;
    const x = xs[0];
    if (s === undefined || x === undefined) {
      throw new Error("backward: this node was not recorded by a createGraph backward");
    }
    return record(s, x, s.transposed);
  },
  tex: {
    ...operatorTex("vjp"),
    local: () => null,
    term: (_i, up) => `\\operatorname{vjp}^{\\top}(${up})`,
  },
  words: ["vjp", "backward of an op"],
  elementwise: false,
};
