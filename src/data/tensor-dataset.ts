// TensorDataset: example i is row i of each tensor (torch.utils.data.TensorDataset).
import { formatShape, type Tensor, type TensorLike, toTensor } from "../tensor/index.ts";
import { checkIndex, type Dataset, gatherRows } from "./dataset.ts";

/**
 * `new data.TensorDataset(x, y)`: tensors with the same first size N; example i is
 * [x[i], y[i]]. With a DataLoader, a batch of B examples is [x rows [B, …], y rows [B, …]].
 */
export class TensorDataset implements Dataset {
  readonly tensors: readonly Tensor[];

  constructor(...tensors: TensorLike[]) {
    if (tensors.length === 0) {
      throw new Error(
        "data.TensorDataset: needs at least one tensor, e.g. new TensorDataset(x, y)",
      );
    }
    this.tensors = tensors.map((t, k) =>
      toTensor(t, "data.TensorDataset", `tensor #${k}`).detach(),
    );
    const first = this.tensors[0].shape;
    for (const [k, t] of this.tensors.entries()) {
      if (t.shape.length === 0) {
        throw new Error(
          `data.TensorDataset: tensor #${k} is a scalar; every tensor needs a first axis of examples`,
        );
      }
      if (t.shape[0] !== first[0]) {
        throw new Error(
          `data.TensorDataset: every tensor needs the same first size (one row per example), found ` +
            this.tensors.map((x) => formatShape(x.shape)).join(" and "),
        );
      }
    }
  }

  get length(): number {
    return this.tensors[0].shape[0];
  }

  get(index: number): Tensor[] {
    const i = checkIndex("data.TensorDataset.get", index, this.length);
    return this.tensors.map((t) => gatherRows(t, [i]).reshape(t.shape.slice(1)));
  }

  getBatch(indices: readonly number[]): Tensor[] {
    for (const i of indices) checkIndex("data.TensorDataset.getBatch", i, this.length);
    return this.tensors.map((t) => gatherRows(t, indices));
  }
}
