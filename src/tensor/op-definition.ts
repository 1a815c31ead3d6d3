// One definition per op: everything the library and the graph view know about it, in one
// object beside the op's code. The engine runs `rules` (backward, forward mode, the local
// derivative's numbers); the graph reads the rest by the op's name — how to replay it, how to
// write it in TeX, what to call it — as plain data. Nothing here imports view code: the TeX
// and caption templates receive the few text builders they need (`Notation`) from their
// caller, so the engine stays free of the graph and the graph free of per-op tables.
//
// Adding an element-wise op (say softplus) is one `defineUnary` call in ops/unary.ts (or
// ops/activations.ts), with its two loops, its TeX and its words, then one line in `TENSOR_OPS`
// (registry.ts) and one case in tests/tensor/op-cases.ts; the registry test fails until every
// part is there. Any other primitive: its rule (see op.ts) and an `OpDefinition` next to it,
// listed in `TENSOR_OPS` (nn's functional ops in `NN_OPS`, nn/functional/definitions.ts).
import type { OpRule } from "./op.ts";
import type { Tensor } from "./tensor.ts";

/** The non-tensor arguments an op recorded, e.g. `{ exponent: 2 }`, `{ axis: 1 }`. */
export type OpAttrs = Readonly<Record<string, unknown>>;

/**
 * The text builders an op's TeX and words use, supplied by whoever writes them (the graph's
 * tex/ stage): where parentheses and multiplication signs go, and how numbers are written.
 */
export interface Notation {
  /** `(x)` → `x` where the argument stands delimited (a fraction, a root, a function's parens). */
  unwrap(x: string): string;
  /** `base^{exponent}`, bracketing a base that would otherwise read wrongly. */
  raise(base: string, exponent: string): string;
  /** A product `a b`, with `\cdot` where juxtaposition would be ambiguous. */
  times(a: string, b: string): string;
  /** `xᵀ`, bracketing a compound x. */
  transposed(x: string): string;
  /** A number in TeX, rounded as the equations show it. */
  texNumber(value: number): string;
  /** A number in plain text, rounded as the drawing shows it. */
  formatNumber(value: number): string;
}

/**
 * How the op is written in the equations. The same template serves symbols and numbers: `a`
 * are the arguments (labels or values, already parenthesised as factors), `out` the output.
 */
export interface OpTex {
  /** Right-hand side of `out = …`. */
  forward(a: readonly string[], attrs: OpAttrs, n: Notation): string;
  /** ∂out/∂aᵢ in symbols; null when the op is not element-wise (then `term` says it all). */
  local(i: number, a: readonly string[], out: string, attrs: OpAttrs, n: Notation): string | null;
  /** ∂L/∂aᵢ as written from the upstream `up` = ∂L/∂out, for ops that are not element-wise. */
  term?(
    i: number,
    up: string,
    a: readonly string[],
    out: string,
    attrs: OpAttrs,
    n: Notation,
  ): string;
}

/** [caption drawn above the node ("+", "MSE"), name in a sentence ("sum", "mean squared error")]. */
export type OpWords = readonly [caption: string, name: string];

/** Everything about one primitive op. */
export interface OpDefinition {
  /** The name its nodes record (GradNode.op), PyTorch's where PyTorch has the op. */
  readonly name: string;
  /** The op as a user calls it (`add(a, b)`, `F.linear(x, W, b)`). */
  readonly forward: (...args: never[]) => Tensor;
  /**
   * Backward (vjp), forward mode (jvp) and, for element-wise ops, the local derivative's
   * numbers (localGrad): the rules its nodes record. Usually one; `pow` has two (a number
   * exponent and a tensor exponent record the same name).
   */
  // biome-ignore lint/suspicious/noExplicitAny: each rule's saved state has its own type
  readonly rules: readonly OpRule<any>[];
  /**
   * How the graph re-runs a recorded node (finite differences, nudge, the neuron view): the
   * forward called with the node's inputs and attrs.
   */
  readonly replay: (inputs: readonly Tensor[], attrs: OpAttrs) => Tensor;
  /** How the equations write it and its local derivative. */
  readonly tex: OpTex;
  /** What a reader sees it called; a function where the words depend on the attrs (pow's exponent). */
  readonly words: OpWords | ((attrs: OpAttrs, n: Notation) => OpWords);
  /**
   * Each output entry depends only on the matching (broadcast) input entries, so the neuron
   * view can split it into one scalar op per entry.
   */
  readonly elementwise: boolean;
  /** A non-linearity that follows a layer (z → a = f(z)): the layered formulas look for these. */
  readonly activation?: boolean;
}

/** The recorded input `i` of a node (a replayed node always has them; a missing one is a bug). */
export function replayInput(inputs: readonly Tensor[], i: number): Tensor {
  const x = inputs[i];
  if (!x) throw new Error(`replay: the op has no input ${i}`);
  return x;
}

/** A number attribute, or undefined when the node did not record one. */
export function numberAttr(attrs: OpAttrs, key: string): number | undefined {
  const v = attrs[key];
  return typeof v === "number" ? v : undefined;
}

/**
 * TeX for an op the lecture has no special notation for: `\operatorname{op}(a, b)` and the
 * partial derivative written as such.
 */
export function operatorTex(name: string): OpTex {
  const op = `\\operatorname{${name.replace(/[^A-Za-z0-9]/g, "")}}`;
  return {
    forward: (a, _attrs, n) => `${op}(${a.map((x) => n.unwrap(x)).join(", ")})`,
    local: (i, a, out) => `\\frac{\\partial ${out}}{\\partial ${a[i]}}`,
  };
}

/**
 * The shapes the graph adds to a node's attrs before writing its TeX (`inputShapes`,
 * `outputShape`), for templates whose text depends on sizes (a mean's 1/n).
 */
export function recordedShapes(attrs: OpAttrs): {
  inputs: readonly (readonly number[])[];
  output: readonly number[];
} {
  const inputs = (attrs.inputShapes as readonly (readonly number[])[] | undefined) ?? [];
  const output = (attrs.outputShape as readonly number[] | undefined) ?? [];
  return { inputs, output };
}

/** Entries of a shape (1 for a scalar or an unknown shape). */
export function entriesOf(shape: readonly number[] | undefined): number {
  return (shape ?? []).reduce((p, n) => p * n, 1);
}
