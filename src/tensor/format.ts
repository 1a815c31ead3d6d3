// How a tensor prints in a notebook cell and the console: `tensor([1,2.5], shape [2], requiresGrad)`,
// values to six significant digits, NaN and infinities as PyTorch writes them (nan, inf, -inf).
// A tensor of more than 1000 values is summarised as PyTorch does: along each axis longer than
// 6, the first 3 and last 3 entries with … between, so printing a million values is quick and
// short.
import { formatShape, stridesOf } from "./shape.ts";
import type { Tensor } from "./tensor.ts";

/** Above this many values a tensor prints summarised (PyTorch's threshold). */
export const PRINT_THRESHOLD = 1000;
/** Entries shown at each end of a summarised axis (PyTorch's edgeitems). */
export const PRINT_EDGE_ITEMS = 3;

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return String(Number(v.toPrecision(6)));
}

/** The values as nested brackets, summarised when there are more than PRINT_THRESHOLD. */
export function formatValues(data: Float64Array, shape: readonly number[]): string {
  const summarise = data.length > PRINT_THRESHOLD;
  const strides = stridesOf(shape);
  const walk = (axis: number, offset: number): string => {
    if (axis === shape.length) return formatNumber(data[offset]);
    const n = shape[axis];
    const parts: string[] = [];
    const cut = summarise && n > 2 * PRINT_EDGE_ITEMS;
    for (let i = 0; i < n; i++) {
      if (cut && i === PRINT_EDGE_ITEMS) {
        parts.push("…");
        i = n - PRINT_EDGE_ITEMS - 1;
        continue;
      }
      parts.push(walk(axis + 1, offset + i * strides[axis]));
    }
    return `[${parts.join(",")}]`;
  };
  return walk(0, 0);
}

/** The short readable form `Tensor.toString()` returns. */
export function formatTensor(t: Tensor): string {
  const flags = [t.requiresGrad ? "requiresGrad" : "", t.name ? `name ${t.name}` : ""].filter(
    Boolean,
  );
  const body = formatValues(t.data, t.shape);
  return `tensor(${body}, shape ${formatShape(t.shape)}${flags.length ? `, ${flags.join(", ")}` : ""})`;
}
