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
  if (typeof x === "object") return describeObject(x as object);
  return typeof x;
}

/**
 * A wrong argument as a message shows it: numbers as they are, a short list with its items
 * (strings in quotes, so "3" does not read as 3), anything else described (`describeValue`:
 * `a string ("3")`).
 */
export function showValue(x: unknown): string {
  if (typeof x === "number") return String(x);
  if (Array.isArray(x)) {
    const item = (v: unknown): string =>
      typeof v === "number"
        ? String(v)
        : typeof v === "string"
          ? JSON.stringify(v)
          : Array.isArray(v)
            ? "[…]"
            : describeValue(v);
    return `[${x.slice(0, 8).map(item).join(", ")}${x.length > 8 ? ", …" : ""}]`;
  }
  return describeValue(x);
}

// Never a class's own name (`constructor.name`): a minifier renames classes, and "found a _t"
// helps nobody. Tensors are told by their parts; built-in objects by their tag, which stays.
function describeObject(x: object): string {
  const o = x as {
    shape?: unknown;
    data?: unknown;
    forward?: unknown;
    parameters?: unknown;
    typeName?: unknown;
  };
  if (Array.isArray(o.shape) && o.data instanceof Float64Array) return "a Tensor";
  if (typeof o.forward === "function" && typeof o.parameters === "function") {
    // the name each module states for itself, which a minifier leaves alone
    return typeof o.typeName === "string" ? `an nn module (${o.typeName})` : "an nn module";
  }
  const tag = Object.prototype.toString.call(x).slice(8, -1);
  if (tag !== "Object") return `a ${tag}`;
  return "an object";
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
