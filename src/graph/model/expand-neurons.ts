// "Expand an MLP from layers into neurons": rebuilds a recorded computation with one scalar
// tensor per entry, so every neuron (and every weight) is a node of its own. The scalar graph
// computes the same values with the library's own ops, so it can be traced and stepped like
// any other. Small networks only: a drawing of more than 8 units per layer is unreadable.
import { topologicalOrder } from "../../tensor/autograd.ts";
import { enableGrad } from "../../tensor/grad-mode.ts";
import { add, div, mul, sub } from "../../tensor/ops/binary.ts";
import { powScalar } from "../../tensor/ops/unary.ts";
import { Tensor } from "../../tensor/tensor.ts";
import type { Label } from "./labels.ts";
import { type NameMap, nameNodes } from "./name-nodes.ts";
import { opDefinition } from "./op-definitions.ts";

/** Options for `expandNeurons`. */
export interface ExpandOptions {
  /** Largest size of any dimension (default 8: at most 8 units per layer). */
  maxUnits?: number;
  /** TeX labels for the layer tensors, as for `graph.trace`. */
  names?: NameMap;
}

type Attrs = Readonly<Record<string, unknown>>;
type Scalars = Tensor[];

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = (s[d + 1] ?? 1) * (shape[d + 1] ?? 1);
  return s;
}

/** For each output entry, the flat index of the input entry broadcasting reads. */
function broadcastMap(inShape: readonly number[], outShape: readonly number[]): number[] {
  const size = outShape.reduce((a, b) => a * b, 1);
  const outStrides = strides(outShape);
  const inStrides = strides(inShape);
  const offset = outShape.length - inShape.length;
  const map: number[] = [];
  for (let k = 0; k < size; k++) {
    let idx = 0;
    for (let d = 0; d < inShape.length; d++) {
      const coord = Math.floor(k / (outStrides[d + offset] ?? 1)) % (outShape[d + offset] ?? 1);
      idx += (inShape[d] === 1 ? 0 : coord) * (inStrides[d] ?? 1);
    }
    map.push(idx);
  }
  return map;
}

/** Entry k of a list the expansion built itself; a miss is a bug, and says so. */
function at<T>(xs: readonly T[] | undefined, k: number): T {
  const x = xs?.[k];
  if (x === undefined) throw new Error(`expand into neurons: internal error, no entry ${k}`);
  return x;
}

/** Adds a list of scalars left to right (a group of one passes through unchanged). */
function sumAll(xs: readonly Tensor[]): Tensor {
  let s = at(xs, 0);
  for (let k = 1; k < xs.length; k++) s = add(s, at(xs, k));
  return s;
}

function reduce(t: Tensor, xs: Scalars, attrs: Attrs, op: string): Scalars {
  const axis =
    typeof attrs.axis === "number" ? (attrs.axis + t.shape.length) % t.shape.length : undefined;
  const groups = new Map<number, Tensor[]>();
  const st = strides(t.shape);
  xs.forEach((x, k) => {
    let key = 0;
    if (axis !== undefined) {
      // The flat index with the reduced axis removed.
      const coords = t.shape.map((n, d) => Math.floor(k / (st[d] ?? 1)) % n);
      coords.splice(axis, 1);
      const rest = t.shape.filter((_, d) => d !== axis);
      key = coords.reduce((acc, c, d) => acc * (rest[d] ?? 1) + c, 0);
    }
    const list = groups.get(key) ?? [];
    list.push(x);
    groups.set(key, list);
  });
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => {
      const s = sumAll(group);
      return op === "mean" && group.length > 1 ? div(s, group.length) : s;
    });
}

/** C = A B entry by entry: C[i, j] = Σₚ A[i, p] B[p, j]. */
function matmulEntries(a: Scalars, b: Scalars, [m = 0, k = 0]: readonly number[], n: number) {
  const out: Scalars = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const terms: Tensor[] = [];
      for (let p = 0; p < k; p++) terms.push(mul(at(a, i * k + p), at(b, p * n + j)));
      out.push(sumAll(terms));
    }
  }
  return out;
}

/**
 * nn.Linear entry by entry: out[r, o] = Σᵢ W[o, i] x[r, i] + b[o], products written W x as in
 * the lecture. `sumName` labels the sums before the bias, which the layer graph has no node for.
 */
function linearEntries(
  t: Tensor,
  [x = [], W = [], b]: readonly Scalars[],
  [outF = 0, inF = 0]: readonly number[],
  sumName: string | undefined,
): Scalars {
  const rows = x.length / inF;
  const out: Scalars = [];
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outF; o++) {
      const terms: Tensor[] = [];
      for (let i = 0; i < inF; i++) terms.push(mul(at(W, o * inF + i), at(x, r * inF + i)));
      const s = sumAll(terms);
      if (b && inF > 1 && sumName) s.name = entryTex(sumName, t.shape, r * outF + o);
      out.push(b ? add(s, at(b, o)) : s);
    }
  }
  return out;
}

/** The scalar ops computing every entry of `t` (made by `fn`) from its inputs' entries. */
function expandOp(
  t: Tensor,
  fn: NonNullable<Tensor["gradFn"]>,
  inputs: readonly Scalars[],
  order: readonly Tensor[],
  sumName?: string,
): Scalars {
  const { op, attrs } = fn;
  const [sa = [], sb = []] = fn.inputs.map((x) => x.shape);
  const [a = [], b = []] = inputs;
  const def = opDefinition(op);
  if (def?.elementwise) {
    // One scalar op per output entry, on the input entries broadcasting reads.
    const maps = fn.inputs.map((x) => broadcastMap(x.shape, t.shape));
    return Array.from({ length: t.data.length }, (_, k) =>
      def.replay(
        inputs.map((xs, j) => at(xs, at(maps[j], k))),
        attrs,
      ),
    );
  }
  if (op === "matmul" && sa.length === 2 && sb.length === 2) {
    return matmulEntries(a, b, sa, sb[1] ?? 0);
  }
  if (op === "linear") return linearEntries(t, inputs, sb, sumName);
  if (op === "mseLoss") {
    const squares = a.map((v, k) => powScalar(sub(v, at(b, k)), 2));
    const s = sumAll(squares);
    return [attrs.reduction !== "sum" && squares.length > 1 ? div(s, squares.length) : s];
  }
  const [input] = fn.inputs;
  if ((op === "sum" || op === "mean") && input) return reduce(input, a, attrs, op);
  if (op === "reshape" || op === "clone") return [...a];
  if (op === "expand") return broadcastMap(sa, t.shape).map((i) => at(a, i));
  if (op === "transpose" && sa.length === 2) {
    const [r = 0, c = 0] = sa;
    const out: Scalars = [];
    for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out.push(at(a, i * c + j));
    return out;
  }
  throw new Error(
    `expand into neurons: the op "${op}" (node ${order.indexOf(t)}) cannot be split into scalar operations; ` +
      "use the layer graph for this computation",
  );
}

const LAYER_SYMBOL = /^([A-Za-z]|\\[A-Za-z]+|\\hat\{[A-Za-z]\})_\{(\d+)\}$/;

/**
 * A layer tensor's symbol in the chapter's notation, where entry indices go below and the layer
 * above: `W_{1}` → `W^{(1)}`, `z_{2}` → `z^{(2)}`, a product `W_{2} a_{1}` → `W^{(2)} a^{(1)}`;
 * `W^{(1)}`, `x` and `\hat{y}` stay as they are.
 */
export function layerSymbol(tex: string): string {
  return tex
    .trim()
    .split(/\s+/)
    .map((part) => {
      const layered = LAYER_SYMBOL.exec(part);
      return layered ? `${layered[1]}^{(${layered[2]})}` : part;
    })
    .join(" ");
}

/** Entry k of a tensor labelled `tex`: `W_{1}` (0,1) → `W^{(1)}_{12}`, `W_{1} x` 1 → `(W^{(1)} x)_{2}`. */
function entryTex(tex: string, shape: readonly number[], k: number): string {
  const st = strides(shape);
  const coords = shape.map((n, d) => Math.floor(k / (st[d] ?? 1)) % n);
  const kept = coords.filter((_, d) => (shape[d] ?? 1) > 1).map((c) => c + 1);
  const base = layerSymbol(tex);
  if (kept.length === 0) return base;
  // A compound symbol (the product W x) is bracketed before its index: (W^{(1)} x)_{2}.
  return /\s/.test(base) ? `(${base})_{${kept.join("")}}` : `${base}_{${kept.join("")}}`;
}

/**
 * Rebuilds `result`'s computation with one scalar tensor per entry (every neuron a node) and
 * returns the new scalar result. Throws with an explanation beyond `maxUnits` per dimension.
 */
export function expandNeurons(result: Tensor, options: ExpandOptions = {}): Tensor {
  const maxUnits = options.maxUnits ?? 8;
  if (result.data.length !== 1) {
    throw new Error(
      `expand into neurons: expected a single number (a loss), found shape [${result.shape.join(", ")}]`,
    );
  }
  const order = topologicalOrder(result);
  const labels = nameNodes(order, result, options.names);
  for (const t of order) {
    if (t.shape.some((n) => n > maxUnits)) {
      throw new Error(
        `expand into neurons: ${labels.get(t)?.label ?? "a tensor"} has shape [${t.shape.join(", ")}]; ` +
          `expanding works for small networks (at most ${maxUnits} units per layer). ` +
          "Step through the layer graph instead, or use a smaller network.",
      );
    }
  }
  const scalars = new Map<Tensor, Scalars>();
  const labelOf = (t: Tensor): Label => labels.get(t) ?? { label: "", tex: "" };
  return enableGrad(() => {
    for (const t of order) {
      const label = labelOf(t);
      const fn = t.gradFn;
      if (!fn) {
        scalars.set(
          t,
          Array.from(t.data, (v, k) => {
            const s = new Tensor(Float64Array.of(v), []);
            s.requiresGrad = t.requiresGrad;
            s.isConstant = t.isConstant;
            if (!t.isConstant) s.name = entryTex(label.tex, t.shape, k);
            return s;
          }),
        );
        continue;
      }
      const [x, W] = fn.inputs;
      const sumName =
        fn.op === "linear" && x && W ? `${labelOf(W).tex} ${labelOf(x).tex}` : undefined;
      const entries = expandOp(
        t,
        fn,
        fn.inputs.map((input) => scalars.get(input) ?? []),
        order,
        sumName,
      );
      // Name the entries of every tensor the layer graph named (z₁ → z⁽¹⁾₁, z⁽¹⁾₂, …).
      if (!/^v_\{\d+\}$/.test(label.tex)) {
        entries.forEach((s, k) => {
          if (!s.name && s.gradFn) s.name = entryTex(label.tex, t.shape, k);
        });
      }
      scalars.set(t, entries);
    }
    return at(scalars.get(result), 0);
  });
}
