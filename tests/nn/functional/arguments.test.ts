// F and nn take plain numbers and nested arrays wherever a tensor goes; anything else, and a
// reduction PyTorch does not have, gets a message naming the function, what it expected and
// what it found.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, nn, rng, tensor, zeros } from "../../../src/index.ts";
import { message } from "../../tensor/helpers.ts";

const same = (a: { toArray(): unknown }, b: { toArray(): unknown }) =>
  assert.deepEqual(a.toArray(), b.toArray());

describe("plain arrays work as tensors", () => {
  test("F.conv2d, F.conv1d, F.linear, F.crossEntropy, F.hingeLoss, F.dropout, the poolings", () => {
    const img = [
      [
        [1, 2, 0],
        [0, 1, 3],
        [2, 2, 1],
      ],
    ]; // [1, 3, 3]
    const k = [
      [
        [
          [1, 0],
          [0, -1],
        ],
      ],
    ]; // [1, 1, 2, 2]
    same(F.conv2d(img, k, [0.5]), F.conv2d(tensor(img), tensor(k), tensor([0.5])));
    same(F.conv1d([[1, 1, 1, 0, 0]], [[[1, 0, 1]]]), tensor([[2, 1, 1]]));
    same(F.linear([[1, 2]], [[3, 4]], [1]), tensor([[12]]));
    same(F.maxPool2d(img, 2, { stride: 1 }), F.maxPool2d(tensor(img), 2, { stride: 1 }));
    same(F.avgPool2d(img, 3), tensor([[[12 / 9]]]));
    const logits = [[2, 0, 1]];
    same(F.crossEntropy(logits, [0]), F.crossEntropy(tensor(logits), tensor([0])));
    same(F.hingeLoss([0.5, -2], [1, -1]), F.hingeLoss(tensor([0.5, -2]), tensor([1, -1])));
    same(
      F.dropout([1, 2, 3, 4], 0.5, true, rng(1)),
      F.dropout(tensor([1, 2, 3, 4]), 0.5, true, rng(1)),
    );
    same(F.mseLoss([1, 2], [1, 4]), tensor(2));
    same(F.bceLoss([0.5], [1]), tensor(Math.log(2)));
  });

  test("nn layers take nested arrays: nn.Linear.forward([[1, 2]])", () => {
    const layer = new nn.Linear(2, 1, { seed: 0 });
    same(layer.forward([[1, 2]]), layer.forward(tensor([[1, 2]])));
    const mlp = new nn.MLP([2, 3, 1], { seed: 0 });
    same(mlp.forward([[1, 2]]), mlp.forward(tensor([[1, 2]])));
    same(new nn.Sequential(new nn.Tanh()).forward([0]), tensor([0]));
    assert.deepEqual(new nn.Flatten().forward([[[1, 2]], [[3, 4]]]).shape, [2, 2]);
  });

  test("nn.init fills without a generator (from the default one)", () => {
    const w = nn.init.xavierNormal(zeros([3, 4]));
    assert.ok(w.data.some((v) => v !== 0));
  });
});

describe("anything else is refused, naming the function and what it found", () => {
  test("strings, undefined and objects where a tensor goes", () => {
    const untypedF = F as unknown as Record<string, (...args: unknown[]) => unknown>;
    assert.equal(
      message(() => untypedF.conv2d("img", zeros([1, 1, 1, 1]))),
      'conv2d: expected a Tensor, a number or nested arrays of numbers for the input, found a string ("img")',
    );
    assert.equal(
      message(() => untypedF.linear(zeros([1, 2]))),
      "linear: expected a Tensor, a number or nested arrays of numbers for the weight, found undefined",
    );
    assert.equal(
      message(() => untypedF.mseLoss(zeros([2]))),
      "mseLoss: expected a Tensor, a number or nested arrays of numbers for the target, found undefined",
    );
    assert.equal(
      message(() => untypedF.crossEntropy(zeros([1, 3]), "0")),
      'crossEntropy: expected a Tensor, a number or nested arrays of numbers for the labels, found a string ("0")',
    );
    assert.equal(
      message(() => untypedF.dropout(zeros([2]), "0.5")),
      'dropout: p must be a probability in [0, 1], found a string ("0.5")',
    );
    assert.equal(
      message(() => untypedF.dropout(zeros([2]), 0.5, true, 3)),
      "dropout: expected a generator made by rng(seed) (or nothing, to draw from the default generator), found the number 3 — e.g. F.dropout(x, 0.5, true, rng(0))",
    );
    assert.equal(
      message(() => untypedF.conv2d(zeros([1, 1, 2, 2]), zeros([1, 1, 1, 1]), null, 1)),
      "conv2d: expected options such as { stride: 1, padding: 0 } as the last argument, found the number 1",
    );
    const init = nn.init as unknown as Record<string, (...args: unknown[]) => unknown>;
    assert.equal(
      message(() => init.xavierNormal([[1, 2]])),
      "nn.init.xavierNormal: expected the tensor to fill in place (e.g. layer.weight), found an array",
    );
    assert.equal(
      message(() => init.xavierNormal(zeros([2, 2]), 2)),
      "nn.init.xavierNormal: expected a generator made by rng(seed) (or nothing, to draw from the default generator), found the number 2 — e.g. nn.init.xavierNormal(w, rng(0))",
    );
  });
});

describe("reduction: 'mean' | 'sum' | 'none' on every loss, as PyTorch", () => {
  const z = tensor([
    [2, 0, 1],
    [0, 1, 3],
  ]);
  const p = tensor([0.9, 0.2, 0.6]);
  const y = tensor([1, 0, 1]);
  const terms = {
    mseLoss: () => [F.mseLoss(p, y, "none"), F.mseLoss(p, y, "sum"), F.mseLoss(p, y)],
    bceLoss: () => [F.bceLoss(p, y, "none"), F.bceLoss(p, y, "sum"), F.bceLoss(p, y)],
    crossEntropy: () => [
      F.crossEntropy(z, [0, 2], "none"),
      F.crossEntropy(z, [0, 2], "sum"),
      F.crossEntropy(z, [0, 2]),
    ],
    hingeLoss: () => [
      F.hingeLoss(p, [1, -1, 1], "none"),
      F.hingeLoss(p, [1, -1, 1], "sum"),
      F.hingeLoss(p, [1, -1, 1]),
    ],
  };
  for (const [name, run] of Object.entries(terms)) {
    test(`${name}: "none" gives the terms, "sum" their sum, "mean" their mean`, () => {
      const [none, total, mean] = run();
      assert.ok(none.data.length > 1, "one term per element (per row for crossEntropy)");
      const s = none.data.reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(total.item() - s) < 1e-12);
      assert.ok(Math.abs(mean.item() - s / none.data.length) < 1e-12);
    });
  }

  test("bceLoss 'none' is −[y log p + (1 − y) log(1 − p)] element by element, with its gradient", () => {
    const q = tensor([0.9, 0.2, 0.6], { requiresGrad: true });
    const none = F.bceLoss(q, y, "none");
    const expected = [-Math.log(0.9), -Math.log(0.8), -Math.log(0.6)];
    for (const [k, v] of none.data.entries()) assert.ok(Math.abs(v - expected[k]) < 1e-12);
    none.backward(tensor([1, 2, 3]));
    // ∂ℓ/∂p = (p − y) / (p(1 − p)), weighted by the upstream gradient
    const grad = [-1 / 0.9, (2 * 0.2) / (0.2 * 0.8), (3 * -0.4) / (0.6 * 0.4)];
    for (const [k, v] of (q.grad?.data ?? []).entries())
      assert.ok(Math.abs(v - grad[k]) < 1e-12, `${k}: ${v}`);
  });

  test("any other string is refused, naming the valid ones", () => {
    const untypedF = F as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const [name, args] of [
      ["mseLoss", [p, y]],
      ["bceLoss", [p, y]],
      ["crossEntropy", [z, [0, 2]]],
      ["hingeLoss", [p, [1, -1, 1]]],
    ] as const) {
      assert.equal(
        message(() => untypedF[name](...args, "avg")),
        `${name}: reduction must be "mean", "sum" or "none", found a string ("avg")`,
      );
    }
  });
});

describe("targets and labels", () => {
  test("mseLoss and bceLoss accept one number as the target", () => {
    assert.ok(Math.abs(F.mseLoss(tensor([1, 3]), 2).item() - 1) < 1e-15);
    assert.ok(Math.abs(F.bceLoss(tensor([0.5, 0.5]), 1).item() - Math.log(2)) < 1e-15);
    const x = tensor([[1], [3]], { requiresGrad: true });
    F.mseLoss(x, 2).backward();
    assert.deepEqual(x.grad?.toArray(), [[-1], [1]]);
  });

  test("mseLoss still refuses shapes that would broadcast silently ([50,1] against [50])", () => {
    assert.match(
      message(() => F.mseLoss(zeros([50, 1]), zeros([50]))),
      /^mseLoss: input \[50,1\] and target \[50\] differ in shape/,
    );
  });

  test("crossEntropy refuses [N,1] labels, saying to pass [N]", () => {
    assert.equal(
      message(() => F.crossEntropy(zeros([2, 3]), tensor([[0], [2]]))),
      "crossEntropy: logits [2,3] need labels of shape [2] (one class index per row) or class " +
        "probabilities of shape [2,3], found labels of shape [2,1] — pass one class index per row " +
        "as shape [2], e.g. labels.reshape([-1]), not a column [2,1]",
    );
    assert.match(
      message(() => F.crossEntropy(zeros([2, 3]), [[0], [2]])),
      /found labels of shape \[2,1\] — pass one class index per row/,
    );
  });
});
