import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { data, rng, type Tensor, tensor } from "../../src/index.ts";

const x = tensor(Array.from({ length: 10 }, (_, i) => [i, 10 * i])); // [10, 2]
const y = tensor(Array.from({ length: 10 }, (_, i) => i)); // [10]
const rows = (t: Tensor) => Array.from(t.data);

describe("new data.TensorDataset(...tensors)", () => {
  test("example i is row i of each tensor", () => {
    const ds = new data.TensorDataset(x, y);
    assert.equal(ds.length, 10);
    const [xi, yi] = ds.get(3);
    assert.deepEqual(xi.shape, [2]);
    assert.deepEqual(rows(xi), [3, 30]);
    assert.deepEqual(yi.shape, []);
    assert.equal(yi.item(), 3);
  });

  test("gathers a batch of rows and copies them (not views of the data)", () => {
    const ds = new data.TensorDataset(x, y);
    const [xb, yb] = ds.getBatch([4, 1]);
    assert.deepEqual(xb.shape, [2, 2]);
    assert.deepEqual(rows(xb), [4, 40, 1, 10]);
    assert.deepEqual(rows(yb), [4, 1]);
    xb.data[0] = -1;
    assert.equal(x.data[8], 4);
  });

  test("refuses tensors of different first sizes, a scalar, nothing, an index out of range", () => {
    assert.throws(
      () => new data.TensorDataset(x, tensor([1, 2, 3])),
      /^Error: data\.TensorDataset: every tensor needs the same first size \(one row per example\), found \[10,2\] and \[3\]$/,
    );
    assert.throws(() => new data.TensorDataset(tensor(3)), /tensor #0 is a scalar/);
    assert.throws(() => new data.TensorDataset(), /needs at least one tensor/);
    assert.throws(
      () => new data.TensorDataset(x).get(10),
      /^Error: data\.TensorDataset\.get: index must be an integer in 0…9, found the number 10$/,
    );
  });
});

describe("new data.DataLoader(dataset, { batchSize, shuffle, dropLast, seed })", () => {
  const ds = new data.TensorDataset(x, y);

  test("batches in order by default, the last batch smaller", () => {
    const loader = new data.DataLoader(ds, { batchSize: 4 });
    const batches = [...loader];
    assert.equal(loader.length, 3);
    assert.deepEqual(
      batches.map(([, yb]) => rows(yb)),
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9],
      ],
    );
    assert.deepEqual(batches[0][0].shape, [4, 2]);
  });

  test("dropLast leaves out the short batch", () => {
    const loader = new data.DataLoader(ds, { batchSize: 4, dropLast: true });
    assert.equal(loader.length, 2);
    assert.deepEqual(
      [...loader].map(([, yb]) => yb.shape[0]),
      [4, 4],
    );
  });

  test("batchSize defaults to 1, as PyTorch's", () => {
    assert.equal(new data.DataLoader(ds).length, 10);
  });

  test("shuffle visits every example once per epoch, in a new order each epoch, replayed by the seed", () => {
    const epochs = (seed: number) => {
      const loader = new data.DataLoader(ds, { batchSize: 3, shuffle: true, seed });
      return [0, 1].map(() => [...loader].flatMap(([, yb]) => rows(yb)));
    };
    const [first, second] = epochs(7);
    assert.deepEqual(
      [...first].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.notDeepEqual(first, second);
    assert.notDeepEqual(first, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(epochs(7), [first, second]);
    assert.notDeepEqual(epochs(8)[0], first);
    // the rows of x stay with their labels
    const loader = new data.DataLoader(ds, { batchSize: 5, shuffle: true, rng: rng(1) });
    for (const [xb, yb] of loader) {
      assert.deepEqual(
        rows(xb),
        rows(yb).flatMap((i) => [i, 10 * i]),
      );
    }
  });

  test("stacks the examples of a dataset that has only get(index)", () => {
    const squares = { length: 5, get: (i: number) => [tensor([i, i * i]), tensor(i % 2)] };
    const [[xb, yb]] = [...new data.DataLoader(squares, { batchSize: 5 })];
    assert.deepEqual(xb.shape, [5, 2]);
    assert.deepEqual(rows(yb), [0, 1, 0, 1, 0]);
  });

  test("refuses a batch size that is not a positive integer, and what is not a dataset", () => {
    assert.throws(
      () => new data.DataLoader(ds, { batchSize: 0 }),
      /^Error: data\.DataLoader: batchSize must be at least 1, found 0$/,
    );
    assert.throws(
      () => new data.DataLoader(ds, { batchSize: "8" as never }),
      /^Error: data\.DataLoader: batchSize must be an integer, found a string \("8"\)$/,
    );
    assert.throws(
      () => new data.DataLoader(x as never),
      /^Error: data\.DataLoader: expected a dataset such as new data\.TensorDataset\(x, y\) \(a length and get\(index\)\), found a [Tt]ensor\b.*$/,
    );
  });
});

describe("data.randomSplit(dataset, lengths, { seed })", () => {
  const ds = new data.TensorDataset(x, y);

  test("cuts the dataset into disjoint parts of the given counts", () => {
    const [a, b] = data.randomSplit(ds, [7, 3], { seed: 0 });
    assert.equal(a.length, 7);
    assert.equal(b.length, 3);
    const all = [...a.indices, ...b.indices].sort((p, q) => p - q);
    assert.deepEqual(all, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const [, yb] = b.getBatch([0, 1, 2]);
    assert.deepEqual(rows(yb), [...b.indices]);
    assert.equal(a.get(0)[1].item(), a.indices[0]);
  });

  test("takes fractions, giving the rounding's leftovers to the first parts", () => {
    const parts = data.randomSplit(ds, [0.45, 0.45, 0.1], { seed: 0 });
    assert.deepEqual(
      parts.map((p) => p.length),
      [5, 4, 1],
    );
  });

  test("the same seed gives the same split, another seed another", () => {
    const split = (seed: number) => data.randomSplit(ds, [0.5, 0.5], { seed })[0].indices;
    assert.deepEqual(split(3), split(3));
    assert.notDeepEqual(split(3), split(4));
  });

  test("a subset feeds a DataLoader", () => {
    const [train] = data.randomSplit(ds, [8, 2], { seed: 0 });
    const batches = [...new data.DataLoader(train, { batchSize: 4 })];
    assert.equal(batches.length, 2);
    assert.deepEqual(rows(batches[0][1]), train.indices.slice(0, 4));
  });

  test("refuses sizes that do not add up", () => {
    assert.throws(
      () => data.randomSplit(ds, [5, 3]),
      /^Error: data\.randomSplit: sizes \[5, 3\] add up to 8; they must add up to the dataset's 10 examples, or be fractions adding up to 1$/,
    );
    assert.throws(() => data.randomSplit(ds, [-1, 11]), /sizes must be numbers ≥ 0/);
  });
});

describe("data messages: the class or function called, and the value as given", () => {
  const message = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("expected an error");
  };
  const ds = new data.TensorDataset(x, y);

  test("DataLoader refuses a shuffle or dropLast that is not true or false", () => {
    // "true" as a string would otherwise mean no shuffling, without a word
    assert.equal(
      message(() => new data.DataLoader(ds, { shuffle: "true" as never })),
      'data.DataLoader: shuffle must be true or false, found a string ("true")',
    );
    assert.equal(
      message(() => new data.DataLoader(ds, { dropLast: 1 as never })),
      "data.DataLoader: dropLast must be true or false, found 1",
    );
    assert.equal(
      message(() => new data.DataLoader(ds, 32 as never)),
      "data.DataLoader: expected options such as { batchSize: 32, shuffle: true }, found the number 32",
    );
  });

  test("randomSplit and the lecture's sets quote what they were given", () => {
    assert.equal(
      message(() => data.randomSplit(ds, ["0.8", 0.2] as never)),
      'data.randomSplit: sizes must be numbers ≥ 0, found a string ("0.8") in ["0.8", 0.2]',
    );
    assert.equal(
      message(() => data.randomSplit(ds, [0.5, 0.5], null as never)),
      "data.randomSplit: expected options such as { seed: 0 }, found null",
    );
    assert.equal(
      message(() => data.twoClass({ n: "50" as never })),
      'data.twoClass: n must be an integer ≥ 2, found a string ("50")',
    );
    assert.equal(
      message(() => data.twoClass({ kind: 3 as never })),
      'data.twoClass: unknown kind (the number 3), expected "rings" or "xor"',
    );
    assert.equal(
      message(() => data.bishop("sin", { n: 2.5 })),
      "data.bishop: n must be a positive integer, found 2.5",
    );
  });
});
