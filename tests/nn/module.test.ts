import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, nn, ones, randn, rng, type Tensor, tensor } from "../../src/index.ts";

describe("nn.Linear(in, out, options)", () => {
  test("stores W as [out, in] and b as [out], and maps [N, in] to [N, out]", () => {
    const layer = new nn.Linear(3, 2);
    assert.deepEqual(layer.weight.shape, [2, 3]);
    assert.deepEqual(layer.bias?.shape, [2]);
    assert.deepEqual(layer.forward(ones([5, 3])).shape, [5, 2]);
  });

  test("MNIST 28×28 pixels to 100 units is 78,400 weights (plus 100 biases)", () => {
    const layer = new nn.Linear(28 * 28, 100);
    assert.equal(layer.weight.data.length, 78_400);
    assert.equal(layer.numParameters(), 78_500);
    assert.equal(new nn.Linear(28 * 28, 100, { bias: false }).numParameters(), 78_400);
  });

  test("default init is PyTorch's U(−1/√in, 1/√in) for weight and bias", () => {
    const layer = new nn.Linear(16, 64, { seed: 1 });
    const bound = 1 / 4;
    for (const v of [...layer.weight.data, ...(layer.bias?.data ?? [])])
      assert.ok(Math.abs(v) <= bound);
    assert.ok(layer.weight.data.some((v) => Math.abs(v) > 0.2)); // spread over the whole interval
  });

  test("a named init fills the weight and zeroes the bias", () => {
    const layer = new nn.Linear(4, 4, { init: "xavierNormal", seed: 2 });
    assert.ok(layer.bias?.data.every((v) => v === 0));
    assert.ok(layer.weight.data.some((v) => v !== 0));
  });

  test("the same seed gives the same weights", () => {
    assert.deepEqual(
      new nn.Linear(3, 3, { seed: 5 }).weight.data,
      new nn.Linear(3, 3, { seed: 5 }).weight.data,
    );
  });
});

describe("nn.Module", () => {
  class TwoLayer extends nn.Module {
    readonly first = this.registerModule("first", new nn.Linear(2, 3, { seed: 1 }));
    readonly second = this.registerModule("second", new nn.Linear(3, 1, { seed: 2 }));
    forward(x: ReturnType<typeof ones>) {
      return this.second.forward(this.first.forward(x).relu());
    }
  }

  test("namedParameters() lists dotted paths in registration order", () => {
    const names = new TwoLayer().namedParameters().map(([name]) => name);
    assert.deepEqual(names, ["first.weight", "first.bias", "second.weight", "second.bias"]);
  });

  test("zeroGrad() clears every parameter's gradient", () => {
    const model = new TwoLayer();
    model
      .forward(ones([4, 2]))
      .sum()
      .backward();
    assert.ok(model.parameters().every((p) => p.grad !== null));
    model.zeroGrad();
    assert.ok(model.parameters().every((p) => p.grad === null));
  });

  test("call(x) is forward(x)", () => {
    const model = new TwoLayer();
    assert.deepEqual(model.call(ones([1, 2])).data, model.forward(ones([1, 2])).data);
  });

  test("train() and eval() switch every child", () => {
    const model = new nn.Sequential(new nn.Linear(2, 2), new nn.Dropout(0.5), new nn.Tanh());
    model.eval();
    assert.ok(model.layers.every((m) => !m.training));
    model.train();
    assert.ok(model.layers.every((m) => m.training));
  });

  test("a parameter shared by two layers is listed once", () => {
    const shared = new nn.Linear(2, 2);
    const model = new nn.Sequential(shared, new nn.Tanh(), shared);
    assert.equal(model.parameters().length, 2);
  });
});

describe("nn.Sequential and activations", () => {
  test("applies its layers in order; children are named 0, 1, …", () => {
    const model = new nn.Sequential(
      new nn.Linear(1, 2, { seed: 3 }),
      new nn.ReLU(),
      new nn.Linear(2, 1, { seed: 4 }),
    );
    assert.deepEqual(
      model.namedParameters().map(([n]) => n),
      ["0.weight", "0.bias", "2.weight", "2.bias"],
    );
    const x = tensor([[0.5]]);
    const [a, , c] = model.layers as [nn.Linear, nn.Module, nn.Linear];
    assert.deepEqual(model.forward(x).data, c.forward(a.forward(x).relu()).data);
  });

  test("Tanh, Sigmoid, ReLU and LeakyReLU compute their functions", () => {
    const x = tensor([-2, 0.5]);
    assert.deepEqual(new nn.Tanh().forward(x).data, Float64Array.from([-2, 0.5].map(Math.tanh)));
    assert.deepEqual(
      new nn.Sigmoid().forward(x).data,
      Float64Array.from([-2, 0.5].map((v) => 1 / (1 + Math.exp(-v)))),
    );
    assert.deepEqual(Array.from(new nn.ReLU().forward(x).data), [0, 0.5]);
    assert.deepEqual(Array.from(new nn.LeakyReLU(0.1).forward(x).data), [-0.2, 0.5]);
  });
});

describe("nn.MLP(sizes, options)", () => {
  test("a 1-3-1 network has the lecture's 10 parameters, named W1 b1 W2 b2", () => {
    const model = new nn.MLP([1, 3, 1], { activation: "tanh", seed: 0 });
    assert.equal(model.numParameters(), 10);
    assert.deepEqual(
      model.namedParameters().map(([n, p]) => [n, p.shape]),
      [
        ["W1", [3, 1]],
        ["b1", [3]],
        ["W2", [1, 3]],
        ["b2", [1]],
      ],
    );
  });

  test("computes W2 tanh(W1 x + b1) + b2, linear at the output", () => {
    const model = new nn.MLP([2, 4, 1], { seed: 1 });
    const x = randn([5, 2], rng(0));
    const [l1, l2] = model.layers;
    const expected = F.linear(F.linear(x, l1.weight, l1.bias).tanh(), l2.weight, l2.bias);
    assert.deepEqual(model.forward(x).data, expected.data);
  });

  test("activations(x) returns each layer's output, the last being forward(x)", () => {
    const model = new nn.MLP([1, 5, 5, 1], { activation: "relu", seed: 2 });
    const x = randn([3, 1], rng(1));
    const acts = model.activations(x);
    assert.deepEqual(
      acts.map((a) => a.shape),
      [
        [3, 5],
        [3, 5],
        [3, 1],
      ],
    );
    assert.ok(acts[0].data.every((v) => v >= 0));
    assert.deepEqual(acts[2].data, model.forward(x).data);
  });

  test("the same seed replays the same network; another seed does not", () => {
    const a = new nn.MLP([1, 3, 1], { seed: 7 }).parameters()[0].data;
    assert.deepEqual(new nn.MLP([1, 3, 1], { seed: 7 }).parameters()[0].data, a);
    assert.notDeepEqual(new nn.MLP([1, 3, 1], { seed: 8 }).parameters()[0].data, a);
  });

  test("explains bad sizes and unknown activations", () => {
    assert.throws(() => new nn.MLP([3]), /nn.MLP: sizes must list at least two positive integers/);
    // @ts-expect-error: testing the message a cell author sees for a typo
    assert.throws(() => new nn.MLP([1, 2], { activation: "tahn" }), /unknown activation "tahn"/);
  });
});

describe("nn.utils.clipGradNorm(params, maxNorm)", () => {
  test("scales gradients down to the given total norm and returns the norm before", () => {
    const a = tensor([3, 0], { requiresGrad: true });
    const b = tensor([4], { requiresGrad: true });
    a.mul(tensor([3, 0]))
      .sum()
      .add(b.mul(4).sum())
      .backward(); // grads [3, 0] and [4]: norm 5
    const before = nn.utils.clipGradNorm([a, b], 1);
    assert.equal(before, 5);
    assert.ok(Math.abs((a.grad?.data[0] ?? 0) - 0.6) < 1e-6);
    assert.ok(Math.abs((b.grad?.data[0] ?? 0) - 0.8) < 1e-6);
  });

  test("leaves gradients already within the bound alone", () => {
    const a = tensor([1], { requiresGrad: true });
    a.mul(0.5).sum().backward();
    nn.utils.clipGradNorm([a], 1);
    assert.equal(a.grad?.item(), 0.5);
  });
});

describe("module.toString(): as PyTorch prints a model", () => {
  test("names each layer with its settings, children indented under their names", () => {
    const model = new nn.Sequential(
      new nn.Conv2d(1, 8, 3, { seed: 0, padding: 1 }),
      new nn.ReLU(),
      new nn.MaxPool2d(2),
      new nn.Flatten(),
      new nn.Linear(8, 10, { seed: 0, bias: false }),
      new nn.Dropout(0.2),
      new nn.BatchNorm1d(10),
      new nn.Softplus(2, 10),
    );
    assert.equal(
      String(model),
      [
        "Sequential(",
        "  (0): Conv2d(1, 8, kernelSize=[3, 3], stride=[1, 1], padding=[1, 1], bias=true)",
        "  (1): ReLU()",
        "  (2): MaxPool2d(kernelSize=2, stride=2, padding=0)",
        "  (3): Flatten()",
        "  (4): Linear(inFeatures=8, outFeatures=10, bias=false)",
        "  (5): Dropout(p=0.2)",
        "  (6): BatchNorm1d(10, eps=0.00001, momentum=0.1, affine=true, trackRunningStats=true)",
        "  (7): Softplus(beta=2, threshold=10)",
        ")",
      ].join("\n"),
    );
  });

  test("nests, puts a container's own settings first, and prints a subclass by its class name", () => {
    const inner = new nn.Sequential(new nn.LayerNorm(3), new nn.GELU("tanh"));
    assert.equal(
      String(new nn.Sequential(inner, new nn.Conv1d(2, 4, 3, { seed: 0 }))),
      [
        "Sequential(",
        "  (0): Sequential(",
        "    (0): LayerNorm([3], eps=0.00001, elementwiseAffine=true)",
        '    (1): GELU(approximate="tanh")',
        "  )",
        "  (1): Conv1d(2, 4, kernelSize=3, stride=1, padding=0, bias=true)",
        ")",
      ].join("\n"),
    );
    assert.equal(
      String(new nn.MLP([1, 3, 1], { seed: 0 })),
      [
        "MLP(",
        "  sizes=[1, 3, 1], activation=Tanh()",
        "  (layer1): Linear(inFeatures=1, outFeatures=3, bias=true)",
        "  (layer2): Linear(inFeatures=3, outFeatures=1, bias=true)",
        ")",
      ].join("\n"),
    );
    class TwoLayer extends nn.Module {
      readonly fc = this.registerModule("fc", new nn.Linear(2, 1, { seed: 0 }));
      forward(x: Tensor): Tensor {
        return this.fc.call(x);
      }
    }
    assert.equal(
      String(new TwoLayer()),
      "TwoLayer(\n  (fc): Linear(inFeatures=2, outFeatures=1, bias=true)\n)",
    );
  });
});
