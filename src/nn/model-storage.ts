// Keeping a trained model in the browser: its state as JSON under a key of the page's
// localStorage (or any storage with getItem and setItem), so a network trained in one lecture
// is there in the next, and a reload does not lose it.
import { describeValue } from "../tensor/index.ts";
import type { AnyModule } from "./module.ts";
import { type StateJSON, stateToJSON } from "./state-dict.ts";

/** What the helpers need of a storage: the two methods of the Web Storage API. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const FORMAT = "backprop-notebook state 1";

function storageOf(op: string, storage: StorageLike | undefined): StorageLike {
  const s = storage ?? (globalThis as { localStorage?: StorageLike }).localStorage;
  if (!s || typeof s.getItem !== "function" || typeof s.setItem !== "function") {
    throw new Error(
      `${op}: no storage here (a page's localStorage, or pass one with getItem and setItem), found ${describeValue(s)}`,
    );
  }
  return s;
}

function checkKey(op: string, key: unknown): string {
  if (typeof key !== "string" || key === "") {
    throw new Error(
      `${op}: expected a name to keep the model under, such as "digits-cnn", found ${describeValue(key)}`,
    );
  }
  return key;
}

/**
 * `nn.saveModel(model, "digits-cnn")`: writes the model's `stateDict()` as JSON under that key
 * of localStorage. Throws when the storage is full (a 5 MB origin holds ~300,000 weights).
 */
export function saveModel(model: AnyModule, key: string, storage?: StorageLike): void {
  const k = checkKey("nn.saveModel", key);
  const s = storageOf("nn.saveModel", storage);
  const text = JSON.stringify({ format: FORMAT, state: stateToJSON(model.stateDict()) });
  try {
    s.setItem(k, text);
  } catch (error) {
    throw new Error(
      `nn.saveModel: the storage refused ${(text.length / 1024).toFixed(0)} kB under "${k}" (${(error as Error).message}) — is it full?`,
    );
  }
}

/**
 * `nn.loadModel(model, "digits-cnn")`: loads a state kept by `saveModel` into the model and
 * returns true, or returns false when nothing is kept under that key. A kept state that does
 * not fit the model (another architecture) throws, naming what differs, and changes nothing.
 */
export function loadModel(model: AnyModule, key: string, storage?: StorageLike): boolean {
  const k = checkKey("nn.loadModel", key);
  const text = storageOf("nn.loadModel", storage).getItem(k);
  if (text === null) return false;
  let saved: { format?: unknown; state?: StateJSON };
  try {
    saved = JSON.parse(text);
  } catch {
    saved = {};
  }
  if (saved.format !== FORMAT || typeof saved.state !== "object") {
    throw new Error(`nn.loadModel: "${k}" does not hold a model kept by nn.saveModel`);
  }
  model.loadStateDict(saved.state);
  return true;
}
