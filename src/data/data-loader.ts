// DataLoader: a dataset in mini-batches, for SGD that looks at B examples per step
// (torch.utils.data.DataLoader). Each pass (`for … of loader`) is one epoch; with `shuffle`, each
// epoch draws a fresh order from the loader's generator, so a seed replays the whole run.
import { describeValue, expectInteger, type Rng, showValue, type Tensor } from "../tensor/index.ts";
import { checkDataset, collate, type Dataset } from "./dataset.ts";
import { splitRng } from "./split-rng.ts";

/** Options of `data.DataLoader`. */
export interface DataLoaderOptions {
  /** Examples per batch (default 1, as PyTorch). */
  batchSize?: number;
  /** Visit the examples in a new random order every epoch (default false: in order). */
  shuffle?: boolean;
  /** Leave out the last batch when it is smaller than batchSize (default false). */
  dropLast?: boolean;
  /** Seed of the loader's own generator for shuffling (default: the default generator). */
  seed?: number;
  /** Generator to shuffle with (wins over `seed`). */
  rng?: Rng;
}

/**
 * `new data.DataLoader(dataset, { batchSize: 32, shuffle: true, seed: 0 })`, then
 * `for (const [xb, yb] of loader) { … }` — each batch holds one tensor per field of the dataset,
 * the batch first. `loader.length` is the number of batches in an epoch.
 */
export class DataLoader implements Iterable<Tensor[]> {
  readonly dataset: Dataset;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly dropLast: boolean;
  private readonly rng: Rng;

  constructor(dataset: Dataset, options: DataLoaderOptions = {}) {
    this.dataset = checkDataset("data.DataLoader", dataset);
    if (typeof options !== "object" || options === null) {
      throw new Error(
        `data.DataLoader: expected options such as { batchSize: 32, shuffle: true }, found ${describeValue(options)}`,
      );
    }
    this.batchSize = expectInteger("data.DataLoader", "batchSize", options.batchSize ?? 1);
    if (this.batchSize < 1) {
      throw new Error(`data.DataLoader: batchSize must be at least 1, found ${this.batchSize}`);
    }
    this.shuffle = flag("shuffle", options.shuffle);
    this.dropLast = flag("dropLast", options.dropLast);
    this.rng = splitRng("data.DataLoader", options);
  }

  /** Batches per epoch. */
  get length(): number {
    const n = this.dataset.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** The example indices of one epoch, batch by batch (draws from the generator if shuffling). */
  batchIndices(): number[][] {
    const order = Array.from({ length: this.dataset.length }, (_, i) => i);
    if (this.shuffle) shuffleInPlace(order, this.rng);
    const batches: number[][] = [];
    for (let start = 0; start < order.length; start += this.batchSize) {
      const batch = order.slice(start, start + this.batchSize);
      if (batch.length < this.batchSize && this.dropLast) break;
      batches.push(batch);
    }
    return batches;
  }

  *[Symbol.iterator](): Iterator<Tensor[]> {
    for (const indices of this.batchIndices()) yield collate(this.dataset, indices);
  }
}

/** A true/false option (false when left out); "true" as a string would otherwise mean false. */
function flag(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== "boolean") {
    throw new Error(`data.DataLoader: ${name} must be true or false, found ${showValue(value)}`);
  }
  return value;
}

/** Fisher–Yates: every order equally likely. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const j = Math.floor(rng.next() * (k + 1));
    [items[k], items[j]] = [items[j], items[k]];
  }
  return items;
}
