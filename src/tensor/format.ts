// How a tensor prints in a notebook cell and the console: `tensor([1,2.5], shape [2], requiresGrad)`,
// values to six significant digits.
import { formatShape } from "./shape.ts";
import type { Tensor } from "./tensor.ts";

function round(v: number): number | string {
  if (!Number.isFinite(v)) return String(v);
  return Number(v.toPrecision(6));
}

/** The short readable form `Tensor.toString()` returns. */
export function formatTensor(t: Tensor): string {
  const flags = [t.requiresGrad ? "requiresGrad" : "", t.name ? `name ${t.name}` : ""].filter(
    Boolean,
  );
  const body = JSON.stringify(t.toArray(), (_k, v) => (typeof v === "number" ? round(v) : v));
  return `tensor(${body}, shape ${formatShape(t.shape)}${flags.length ? `, ${flags.join(", ")}` : ""})`;
}
