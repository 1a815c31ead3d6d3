// Plain data describing a traced computation: what graph/ hands to the layout, the SVG
// renderer, the stepper, the text alternative and the tests. No DOM, no tensors inside.

/** What role a node plays in the computation; decides its shape and colour in the drawing. */
export type NodeKind = "input" | "parameter" | "constant" | "intermediate" | "output";

/** A tensor's numbers, copied out of the engine: row-major values and the shape ([] = scalar). */
export interface Values {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

/** One tensor of the computation. */
export interface TraceNode {
  /** "n0", "n1", … in topological order (inputs first), stable across runs. */
  readonly id: string;
  /** Position in the topological order. */
  readonly index: number;
  /** Op that produced it ("add", "matmul", …), or "leaf". */
  readonly op: string;
  /** Plain-text label for the drawing and the table ("W₁", "ŷ", "z₁"). */
  readonly label: string;
  /** The same label as TeX ("W_{1}", "\\hat{y}", "z_{1}"). */
  readonly tex: string;
  readonly kind: NodeKind;
  readonly shape: readonly number[];
  readonly value: Values;
  /** ∂output/∂node, as backward() computes it; null where no gradient flows (by default, nodes
   * that do not require a gradient). */
  readonly grad: Values | null;
  readonly requiresGrad: boolean;
  /** Ids of the op's arguments in argument order (empty for leaves; may repeat). */
  readonly inputs: readonly string[];
  /** Non-tensor arguments of the op, e.g. `{ exponent: 2 }`. */
  readonly attrs: Readonly<Record<string, unknown>>;
}

/** One argument slot: `from` is used as argument `argIndex` of the op that made `to`. */
export interface TraceEdge {
  /** "e0", "e1", … `x.mul(x)` gives two edges with argIndex 0 and 1. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly argIndex: number;
}

/** Computing one node from its inputs. */
export interface ForwardStep {
  readonly kind: "forward";
  readonly node: string;
  readonly inputs: readonly string[];
  /** The edges it reads, in argument order. */
  readonly edges: readonly string[];
  readonly value: Values;
  /** In symbols: `r = y - \hat{y}`. */
  readonly texSymbolic: string;
  /** With numbers: `r = 1.5 - 0.7 = 0.8`. */
  readonly texNumeric: string;
}

/** What one consumer (child) of a node sends back to it along one edge. */
export interface BackwardTerm {
  /** The node that used this one as an argument. */
  readonly child: string;
  readonly edge: string;
  readonly argIndex: number;
  /** ∂out/∂child, the gradient that arrived at the child. */
  readonly upstream: Values;
  /** ∂child/∂node element by element (element-wise ops); null for matmul, sum, … */
  readonly local: Values | null;
  /** ∂child/∂node in symbols (`2 r`, `-1`, `W^\top`). */
  readonly localTex: string;
  /** This edge's contribution to the node's gradient (the engine's vector–Jacobian product). */
  readonly product: Values;
  /** The gradient accumulated so far, this term included, exactly as backward() adds. */
  readonly runningSum: Values;
}

/** Receiving the gradient at one node. The first backward step is the seed ∂out/∂out = 1. */
export interface BackwardStep {
  readonly kind: "backward";
  readonly node: string;
  /** Empty for the seed; one term per edge to a consumer otherwise. */
  readonly terms: readonly BackwardTerm[];
  /** The node's gradient: the sum of the terms' products. */
  readonly grad: Values;
  readonly texSymbolic: string;
  readonly texNumeric: string;
  /** The lecture's layered form where the graph has a layer there (δ = f′(z) ∘ Wᵀδ⁺, ∂ℓ/∂W = δaᵀ). */
  readonly texLayer: string | null;
}

export type Step = ForwardStep | BackwardStep;

/** A traced computation: nodes in topological order, edges and the two step lists. */
export interface Trace {
  readonly nodes: readonly TraceNode[];
  readonly edges: readonly TraceEdge[];
  /** The node the gradient is taken of. */
  readonly output: string;
  /** Op nodes in topological order. */
  readonly forward: readonly ForwardStep[];
  /** Seed first, then nodes in reverse topological order. */
  readonly backward: readonly BackwardStep[];
}

/** Where dagre put a node (centre) and its size. */
export interface NodeBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge as a polyline from its source's border to its target's border. */
export interface EdgePath {
  readonly id: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The output of `layoutGraph`: the trace with coordinates attached. */
export interface Layout {
  readonly trace: Trace;
  readonly nodes: readonly NodeBox[];
  readonly edges: readonly EdgePath[];
  readonly width: number;
  readonly height: number;
}
