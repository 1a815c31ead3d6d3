// A small inspector: turns any value a cell produces into something to look at.
// DOM nodes are shown as they are; everything else becomes a short, readable text form.

const MAX_ITEMS = 20;

/** Renders a value as a DOM node (nodes pass through untouched). */
export function inspect(value: unknown, inline = false): Node {
  if (value instanceof Node) return value;
  const element = document.createElement(inline ? "span" : "div");
  element.className = `inspect inspect-${typeOf(value)}`;
  element.textContent = inline && typeof value === "string" ? value : describe(value, 0);
  return element;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (isTensorLike(value)) return "tensor";
  return typeof value;
}

interface TensorLike {
  shape: readonly number[];
  toArray(): unknown;
}

function isTensorLike(value: unknown): value is TensorLike {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as TensorLike).shape) &&
    typeof (value as TensorLike).toArray === "function"
  );
}

function isModuleLike(value: unknown): boolean {
  const m = value as { typeName?: unknown; namedParameters?: unknown };
  return typeof m.typeName === "string" && typeof m.namedParameters === "function";
}

/** A one-screen text form of a value, nested `depth` levels deep at most. */
export function describe(value: unknown, depth: number): string {
  switch (typeof value) {
    case "string":
      return depth === 0 ? value : JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "-0" : formatNumber(value);
    case "bigint":
      return `${value}n`;
    case "function":
      return `ƒ ${value.name || "(anonymous)"}()`;
    case "symbol":
    case "boolean":
    case "undefined":
      return String(value);
  }
  if (value === null) return "null";
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toISOString();
  if (isTensorLike(value)) {
    const name = (value as { name?: string }).name;
    return `tensor(${describe(value.toArray(), depth + 1)}${value.shape.length ? `, shape [${value.shape.join(", ")}]` : ""}${name ? `, name ${JSON.stringify(name)}` : ""})`;
  }
  if (depth > 3) return Array.isArray(value) ? "[…]" : "{…}";
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return describe(Array.from(value as unknown as ArrayLike<number>), depth);
  }
  if (Array.isArray(value) || value instanceof Set) {
    const items = [...value];
    const shown = items.slice(0, MAX_ITEMS).map((v) => describe(v, depth + 1));
    if (items.length > MAX_ITEMS) shown.push(`… ${items.length - MAX_ITEMS} more`);
    return value instanceof Set ? `Set {${shown.join(", ")}}` : `[${shown.join(", ")}]`;
  }
  if (value instanceof Map) {
    return `Map {${[...value]
      .slice(0, MAX_ITEMS)
      .map(([k, v]) => `${describe(k, depth + 1)} => ${describe(v, depth + 1)}`)
      .join(", ")}}`;
  }
  if (value instanceof Promise) return "Promise {…}";
  // An nn module prints as PyTorch's do (its own toString), not as its fields under a class
  // name the bundle's minifier has renamed.
  if (isModuleLike(value)) return String(value);
  const entries = Object.entries(value as object);
  const shown = entries
    .slice(0, MAX_ITEMS)
    .map(
      ([k, v]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${describe(v, depth + 1)}`,
    );
  if (entries.length > MAX_ITEMS) shown.push(`… ${entries.length - MAX_ITEMS} more`);
  const ctor = (value as object).constructor?.name;
  return `${ctor && ctor !== "Object" ? `${ctor} ` : ""}{${shown.join(", ")}}`;
}

/** Up to 6 significant digits, without trailing zeros: 0.1 + 0.2 shows as 0.3. */
function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
