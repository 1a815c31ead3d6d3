// Checks of the plain (non-tensor) arguments of ops, and how a wrong argument reads in an error
// message, so every op says what it expected and what it found the same way.

/** How a value reads in an error message: `the number 3`, `a string ("a")`, `an array`. */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (x === undefined) return "undefined";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "number") return `the number ${x}`;
  if (typeof x === "string")
    return `a string (${JSON.stringify(x.length > 20 ? `${x.slice(0, 20)}…` : x)})`;
  if (typeof x === "boolean") return `the boolean ${x}`;
  if (typeof x === "function") return "a function";
  if (typeof x === "object") {
    const name = (x as object).constructor?.name;
    return name && name !== "Object" ? `a ${name}` : "an object";
  }
  return typeof x;
}

/** `value` if it is a number that is not NaN (finite too unless `allowInfinite`), else throws. */
export function expectNumber(
  op: string,
  name: string,
  value: unknown,
  allowInfinite = false,
): number {
  if (
    typeof value !== "number" ||
    Number.isNaN(value) ||
    (!allowInfinite && !Number.isFinite(value))
  ) {
    throw new Error(
      `${op}: ${name} must be a${allowInfinite ? "" : " finite"} number, found ${describeValue(value)}`,
    );
  }
  return value;
}

/** `value` if it is an integer, else throws `op: name must be an integer, found …`. */
export function expectInteger(op: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new Error(`${op}: ${name} must be an integer, found ${describeValue(value)}`);
  }
  return value;
}
