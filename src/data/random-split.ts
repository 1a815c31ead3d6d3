// randomSplit: a dataset cut at random into parts of given sizes — training and test sets —
// each a Subset that reads through to the original (torch.utils.data.random_split).
import { describeValue, type Rng, showValue, type Tensor } from "../tensor/index.ts";
import { shuffleInPlace } from "./data-loader.ts";
import { checkDataset, checkIndex, collate, type Dataset } from "./dataset.ts";
import { splitRng } from "./split-rng.ts";

/** The examples `indices` of `dataset`, in that order. */
export class Subset implements Dataset {
  constructor(
    readonly dataset: Dataset,
    readonly indices: readonly number[],
  ) {}

  get length(): number {
    return this.indices.length;
  }

  get(index: number): Tensor[] {
    return this.dataset.get(this.indices[checkIndex("data.Subset.get", index, this.length)]);
  }

  getBatch(indices: readonly number[]): Tensor[] {
    const inner = indices.map(
      (i) => this.indices[checkIndex("data.Subset.getBatch", i, this.length)],
    );
    return collate(this.dataset, inner);
  }
}

/** Options of `data.randomSplit`. */
export interface RandomSplitOptions {
  /** Seed of a generator of its own (default: the default generator). */
  seed?: number;
  /** Generator to draw from (wins over `seed`). */
  rng?: Rng;
}

/**
 * `const [train, test] = data.randomSplit(dataset, [0.8, 0.2], { seed: 0 })`: sizes as counts
 * that add up to the dataset's length, or as fractions that add up to 1 (the counts are rounded
 * down and the examples left over go one each to the first parts, as PyTorch does).
 */
export function randomSplit(
  dataset: Dataset,
  lengths: readonly number[],
  options: RandomSplitOptions = {},
): Subset[] {
  const d = checkDataset("data.randomSplit", dataset);
  const counts = splitCounts(d.length, lengths);
  const order = shuffleInPlace(
    Array.from({ length: d.length }, (_, i) => i),
    splitRng("data.randomSplit", options),
  );
  let start = 0;
  return counts.map((count) => {
    const part = new Subset(d, order.slice(start, start + count));
    start += count;
    return part;
  });
}

function splitCounts(n: number, lengths: readonly number[]): number[] {
  if (!Array.isArray(lengths) || lengths.length === 0) {
    throw new Error(
      `data.randomSplit: expected a list of sizes such as [0.8, 0.2] or [1400, 397], found ${describeValue(lengths)}`,
    );
  }
  for (const v of lengths) {
    if (typeof v !== "number" || !(v >= 0)) {
      throw new Error(
        `data.randomSplit: sizes must be numbers ≥ 0, found ${showValue(v)} in ${showValue(lengths)}`,
      );
    }
  }
  const total = lengths.reduce((a, b) => a + b, 0);
  if (lengths.every(Number.isInteger) && total === n) return [...lengths];
  if (Math.abs(total - 1) < 1e-9 && lengths.every((v) => v <= 1)) {
    const counts = lengths.map((f) => Math.floor(n * f));
    let left = n - counts.reduce((a, b) => a + b, 0);
    for (let k = 0; left > 0; k = (k + 1) % counts.length, left--) counts[k]++;
    return counts;
  }
  throw new Error(
    `data.randomSplit: sizes [${lengths.join(", ")}] add up to ${total}; they must add up to the dataset's ${n} examples, or be fractions adding up to 1`,
  );
}
