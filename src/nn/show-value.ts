// How a wrong argument reads in a layer's message: numbers as they are, strings quoted (so
// `new nn.Linear("3", 3)` does not say "found 3"), lists with their contents, anything else
// described (describeValue never relies on a class name a minifier may rename).
import { describeValue } from "../tensor/index.ts";

export function showValue(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return JSON.stringify(v);
  return describeValue(v);
}
