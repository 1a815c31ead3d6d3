// What the ledger writes in its "× local" column for one edge: the local derivative with its
// numbers, and, where it is a matrix rather than an entry-by-entry factor, on which side of
// the upstream gradient g it multiplies (matmul's Aᵀ g and g Bᵀ). The numbers are the same ones
// the equation panel substitutes, so the two can be read side by side.
import { transposeValues } from "../model/format.ts";
import { texToPlain } from "../model/labels.ts";
import type { BackwardTerm, TraceNode, Values } from "../model/types.ts";

/** The local factor of one edge, in plain text for the ledger. */
export interface EdgeLocal {
  /** How the contribution is formed from the upstream g, e.g. "g ∘ local", "(W⁽²⁾)ᵀ g", "Σ g". */
  readonly how: string;
  /** The local factor's name ("xᵀ", "(W⁽²⁾)ᵀ", "2(ŷ − y)"), empty for an entry-by-entry factor. */
  readonly symbol: string;
  /** Its numbers, or null where there is nothing to show beyond `how` (a transpose, a reshape). */
  readonly values: Values | null;
}

const ones = (shape: readonly number[], fill = 1): Values => ({
  shape: [...shape],
  data: new Array<number>(shape.reduce((p, n) => p * n, 1)).fill(fill),
});

/** `x` → `xᵀ`, `W₂` → `W₂ᵀ`, `W⁽²⁾` → `(W⁽²⁾)ᵀ`: the plain-text transpose of a label. */
export function transposedLabel(label: string): string {
  return /^\p{L}\p{M}?[₀-₉ᵢⱼₖₗₙ]*$/u.test(label) ? `${label}ᵀ` : `(${label})ᵀ`;
}

function sizeOf(shape: readonly number[]): number {
  return shape.reduce((p, n) => p * n, 1);
}

/** The ledger's local factor for `term`, an edge from `node` into `child` (args: child's inputs). */
export function edgeLocal(
  term: BackwardTerm,
  child: TraceNode,
  args: readonly TraceNode[],
): EdgeLocal {
  if (term.local) return { how: "g ∘ local", symbol: "", values: term.local };
  const i = term.argIndex;
  const [a, b] = args;
  switch (child.op) {
    case "matmul": {
      // C = A B: g Bᵀ for A, Aᵀ g for B.
      const other = i === 0 ? b : a;
      if (!other) break;
      const symbol = transposedLabel(other.label);
      return {
        how: i === 0 ? `g ${symbol}` : `${symbol} g`,
        symbol,
        values: transposeValues(other.value),
      };
    }
    case "linear": {
      // y = x Wᵀ + b: g W for x, gᵀ x for W, the rows of g summed for b.
      const W = args[1];
      if (i === 0 && W) return { how: `g ${W.label}`, symbol: W.label, values: W.value };
      if (i === 1 && a) return { how: `gᵀ ${a.label}`, symbol: a.label, values: a.value };
      const rows = child.shape.length > 1 ? sizeOf(child.shape.slice(0, -1)) : 1;
      return rows > 1
        ? { how: "Σ over rows of g", symbol: "𝟏ᵀ", values: ones([1, rows]) }
        : { how: "g", symbol: "1", values: ones(args[2]?.shape ?? []) };
    }
    case "sum":
      return { how: "𝟏 g (g copied to every entry)", symbol: "𝟏", values: ones(a?.shape ?? []) };
    case "mean": {
      const n = Math.round(sizeOf(a?.shape ?? []) / Math.max(1, sizeOf(child.shape)));
      return { how: `(1/${n}) 𝟏 g`, symbol: `1/${n}`, values: ones(a?.shape ?? [], 1 / n) };
    }
    case "mseLoss": {
      if (!a || !b) break;
      // ∂/∂a = (2/n)(a − b), ∂/∂b = −(2/n)(a − b); a sum (or none) reduction drops the 1/n.
      const n = child.attrs.reduction === "mean" || !child.attrs.reduction ? sizeOf(a.shape) : 1;
      const sign = i === 0 ? 1 : -1;
      const factor = (sign * 2) / n;
      const symbol = `${sign < 0 ? "−" : ""}${n === 1 ? "2" : `(2/${n})`}(${a.label} − ${b.label})`;
      return {
        how: `${symbol} · g`,
        symbol,
        values: {
          shape: [...a.shape],
          data: a.value.data.map((v, k) => factor * (v - (b.value.data[k] ?? 0))),
        },
      };
    }
    case "transpose":
      return { how: "gᵀ", symbol: "", values: null };
    case "reshape":
      return { how: "g reshaped", symbol: "", values: null };
    case "expand":
      return { how: "Σ over the copies of g", symbol: "", values: null };
    default:
      break;
  }
  return { how: `from ${texToPlain(term.localTex) || child.op}`, symbol: "", values: null };
}
