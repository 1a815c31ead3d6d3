import assert from "node:assert/strict";

/** `value`, asserting that it is there: how a test says "this must exist" without a `!`. */
export function defined<T>(value: T | null | undefined, what = "a value"): T {
  assert.ok(value !== null && value !== undefined, `${what} is missing`);
  return value;
}
