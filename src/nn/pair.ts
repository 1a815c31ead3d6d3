import { showValue } from "../tensor/index.ts";

/**
 * Reads a size given as one number (both axes) or a [rows, columns] pair, checking it is an
 * integer ≥ `min`; the message names the op and the argument.
 */
export function pair(
  op: string,
  name: string,
  value: number | readonly [number, number],
  min: number,
): [number, number] {
  const [a, b] = typeof value === "number" ? [value, value] : value;
  for (const v of [a, b]) {
    if (!Number.isInteger(v) || v < min) {
      throw new Error(
        `${op}: ${name} must be an integer ≥ ${min} (or a pair of them), found ${showValue(value)}`,
      );
    }
  }
  return [a, b];
}
