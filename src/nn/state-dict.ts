// A module's state as plain data: every parameter and buffer by its dotted path, the way
// torch's state_dict() names them, and back. Loading checks everything before it writes
// anything, so a state that does not fit leaves the model as it was.
import {
  bumpVersion,
  describeValue,
  formatShape,
  sameShape,
  Tensor,
  toTensor,
} from "../tensor/index.ts";

/** What a state dict is read from and written to: a module's named parameters and buffers. */
export interface HasState {
  namedParameters(): [string, Tensor][];
  namedBuffers(): [string, Tensor][];
}

/** Parameters and buffers by dotted path ("0.weight", "1.runningMean"). */
export type StateDict = Record<string, Tensor>;

/** Options of `loadStateDict`. */
export interface LoadStateDictOptions {
  /** Every name must match both ways (default true); false loads the names both have. */
  strict?: boolean;
}

/** A state in JSON-ready form: `{ name: { shape, data } }`. */
export type StateJSON = Record<string, { shape: number[]; data: (number | null)[] }>;

/** Copies of `module`'s parameters and buffers, by dotted path. */
export function stateDict(module: HasState): StateDict {
  const out: StateDict = {};
  for (const [name, t] of [...module.namedParameters(), ...module.namedBuffers()]) {
    out[name] = new Tensor(t.data.slice(), t.shape);
  }
  return out;
}

/** `state` as plain JSON data (NaN and ±∞ become null and come back as NaN). */
export function stateToJSON(state: StateDict): StateJSON {
  const out: StateJSON = {};
  for (const [name, t] of Object.entries(state)) {
    out[name] = {
      shape: [...t.shape],
      data: Array.from(t.data, (v) => (Number.isFinite(v) ? v : null)),
    };
  }
  return out;
}

/** Reads one entry of a state: a tensor, `{ shape, data }` (from JSON), or nested arrays. */
function entryTensor(name: string, value: unknown): Tensor {
  if (value instanceof Tensor) return value;
  const rec = value as { shape?: unknown; data?: unknown };
  if (
    typeof value === "object" &&
    value !== null &&
    Array.isArray(rec.shape) &&
    Array.isArray(rec.data)
  ) {
    const data = Float64Array.from(rec.data as (number | null)[], (v) =>
      v === null ? Number.NaN : v,
    );
    return toTensor(new Tensor(data, rec.shape as number[]), "loadStateDict", `"${name}"`);
  }
  return toTensor(value as number[], "loadStateDict", `"${name}"`);
}

/** Copies `state` into `module` after checking names (when strict) and every shape. */
export function loadStateDict(
  module: HasState,
  state: unknown,
  options: LoadStateDictOptions = {},
): void {
  if (typeof state !== "object" || state === null || Array.isArray(state)) {
    throw new Error(
      `loadStateDict: expected a state such as model.stateDict() (names to tensors), found ${describeValue(state)}`,
    );
  }
  const targets = new Map([...module.namedParameters(), ...module.namedBuffers()]);
  const given = state as Record<string, unknown>;
  const missing = [...targets.keys()].filter((k) => !(k in given));
  const unexpected = Object.keys(given).filter((k) => !targets.has(k));
  if (options.strict !== false && (missing.length > 0 || unexpected.length > 0)) {
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.map((k) => `"${k}"`).join(", ")}`);
    if (unexpected.length > 0)
      parts.push(`unexpected ${unexpected.map((k) => `"${k}"`).join(", ")}`);
    throw new Error(
      `loadStateDict: the state does not fit this model — ${parts.join("; ")} (pass { strict: false } to load the names both have)`,
    );
  }
  const writes: [Tensor, Tensor][] = [];
  for (const [name, target] of targets) {
    if (!(name in given)) continue;
    const value = entryTensor(name, given[name]);
    if (!sameShape(value.shape, target.shape)) {
      throw new Error(
        `loadStateDict: "${name}" is ${formatShape(target.shape)} in the model but ${formatShape(value.shape)} in the state`,
      );
    }
    writes.push([target, value]);
  }
  for (const [target, value] of writes) {
    target.data.set(value.data);
    bumpVersion(target); // an in-place write, as an optimiser's step
  }
}
