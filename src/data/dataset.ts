// What DataLoader and randomSplit read: a numbered collection of examples, each example a list
// of tensors (an input and its target, say), as torch.utils.data.Dataset. TensorDataset and
// Subset also gather a whole batch at once, without building one small tensor per example.
import { describeValue, stack, Tensor } from "../tensor/index.ts";

/** A collection of examples: `length` of them, example `i` as a list of tensors. */
export interface Dataset {
  readonly length: number;
  /** Example `index` (0 ≤ index < length): one tensor per field, e.g. [x, y]. */
  get(index: number): Tensor[];
  /** Examples `indices` stacked, one tensor per field with the batch first (optional). */
  getBatch?(indices: readonly number[]): Tensor[];
}

/** `dataset` if it has a length and a get(index), else throws naming the caller. */
export function checkDataset(op: string, dataset: unknown): Dataset {
  const d = dataset as Dataset;
  if (
    typeof dataset !== "object" ||
    dataset === null ||
    !Number.isInteger(d.length) ||
    typeof d.get !== "function"
  ) {
    throw new Error(
      `${op}: expected a dataset such as new data.TensorDataset(x, y) (a length and get(index)), found ${describeValue(dataset)}`,
    );
  }
  return d;
}

/** `index` if it is an integer in 0…length−1, else throws naming the caller. */
export function checkIndex(op: string, index: unknown, length: number): number {
  if (typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= length) {
    throw new Error(
      `${op}: index must be an integer in 0…${length - 1}, found ${describeValue(index)}`,
    );
  }
  return index;
}

/** Rows `indices` of `t` (along its first axis) as a new tensor, outside any graph. */
export function gatherRows(t: Tensor, indices: readonly number[]): Tensor {
  const row = t.shape[0] === 0 ? 0 : t.data.length / t.shape[0];
  const out = new Float64Array(indices.length * row);
  for (const [k, i] of indices.entries()) {
    out.set(t.data.subarray(i * row, (i + 1) * row), k * row);
  }
  return new Tensor(out, [indices.length, ...t.shape.slice(1)]);
}

/** One batch: the dataset's own gather, else its examples stacked field by field. */
export function collate(dataset: Dataset, indices: readonly number[]): Tensor[] {
  if (dataset.getBatch) return dataset.getBatch(indices);
  const examples = indices.map((i) => dataset.get(i));
  return examples[0].map((_, field) => stack(examples.map((e) => e[field]).map((t) => t.detach())));
}
