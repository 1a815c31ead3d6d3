import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { optim, type Tensor, tensor } from "../../src/index.ts";

// Each test gives the weights a fixed gradient c (the loss Σ cᵢwᵢ), so every step's numbers can
// be worked out by hand from PyTorch's update formulas; the expected values below are those.
function withGradient(w: Tensor, c: number[]): void {
  w.grad = tensor(c);
}

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-15, `${a} vs ${b}`);

describe("optim.AdamW(params, { lr, betas, eps, weightDecay })", () => {
  test("shrinks w by (1 − ηλ) before Adam's step, the decay kept out of the averages", () => {
    const w = tensor([1, -2], { requiresGrad: true });
    const opt = new optim.AdamW([w], { lr: 0.1, weightDecay: 0.1 });
    withGradient(w, [0.5, -1]);
    opt.step();
    near(w.data[0], 0.890000002);
    near(w.data[1], -1.880000001);
    opt.step();
    near(w.data[0], 0.7811000039800006);
    near(w.data[1], -1.7612000019900007);
  });

  test("defaults to weightDecay 0.01, as PyTorch", () => {
    const w = tensor([1], { requiresGrad: true });
    assert.equal(new optim.AdamW([w]).paramGroups[0].weightDecay, 0.01);
    assert.equal(new optim.Adam([w]).paramGroups[0].weightDecay, 0);
  });
});

describe("optim.RMSprop(params, { lr, alpha, eps, weightDecay, momentum, centered })", () => {
  test("divides by the running root mean square of g = ∇w + λw", () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new optim.RMSprop([w], { lr: 0.01, weightDecay: 0.1 });
    withGradient(w, [2]);
    opt.step();
    near(w.data[0], 0.9000000047619046);
    opt.step();
    near(w.data[0], 0.8292804239619125);
  });

  test("centred, with momentum: divides by √(v − ḡ²) + ε and accumulates the scaled steps", () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new optim.RMSprop([w], { lr: 0.01, momentum: 0.9, centered: true });
    withGradient(w, [2]);
    opt.step();
    near(w.data[0], 0.8994962235245836);
    opt.step();
    near(w.data[0], 0.7374386651382326);
  });
});

describe("optim.Adagrad(params, { lr, lrDecay, weightDecay, initialAccumulatorValue, eps })", () => {
  test("divides by the root of the sum of squared gradients, the rate decayed by 1/(1 + (t − 1)·lrDecay)", () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new optim.Adagrad([w], {
      lr: 0.1,
      lrDecay: 0.5,
      weightDecay: 0.2,
      initialAccumulatorValue: 0.5,
    });
    withGradient(w, [2]);
    opt.step();
    near(w.data[0], 0.9047966890743784);
    opt.step();
    near(w.data[0], 0.8590384728672626);
  });
});

describe("parameter groups", () => {
  test("each group takes its own lr and hyper-parameters, the rest from the defaults", () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const opt = new optim.SGD([{ params: [a] }, { params: [b], lr: 0.01, momentum: 0.9 }], {
      lr: 0.1,
    });
    assert.equal(opt.paramGroups.length, 2);
    assert.equal(opt.paramGroups[1].momentum, 0.9);
    assert.equal(opt.paramGroups[0].momentum, 0);
    assert.deepEqual(opt.params, [a, b]);
    withGradient(a, [1]);
    withGradient(b, [1]);
    opt.step();
    near(a.data[0], 0.9);
    near(b.data[0], 0.99);
    opt.step();
    near(b.data[0], 0.99 - 0.01 * 1.9); // v = 0.9·1 + 1
  });

  test("addParamGroup adds a group later; setting optimizer.lr sets every group's", () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const opt = new optim.Adam([a], { lr: 0.1 });
    opt.addParamGroup({ params: [b], lr: 0.5 });
    assert.deepEqual(
      opt.paramGroups.map((g) => g.lr),
      [0.1, 0.5],
    );
    opt.lr = 0.2;
    assert.deepEqual(
      opt.paramGroups.map((g) => g.lr),
      [0.2, 0.2],
    );
    assert.throws(
      () => opt.addParamGroup({ params: [tensor([0], { requiresGrad: true })], lr: -1 }),
      /^Error: optim\.Adam: lr must be a number ≥ 0, found -1 \(param group 2\)$/,
    );
    assert.throws(
      () => opt.addParamGroup({ params: a as never }),
      /^Error: optim\.Adam: a param group needs its tensors as \{ params: \[\.\.\.\] \}, found a [Tt]ensor\b.*$/,
    );
    assert.throws(
      () => opt.addParamGroup({ params: [a] }),
      /^Error: optim\.Adam: parameter #0 in param group 2 is already in another group$/,
    );
  });

  test("a hyper-parameter broken after construction is caught at the next step, before any weight moves", () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new optim.SGD([w], { lr: 0.1 });
    withGradient(w, [1]);
    opt.lr = Number.NaN;
    assert.throws(() => opt.step(), /^Error: optim\.SGD: lr must be a number ≥ 0, found NaN$/);
    assert.equal(w.data[0], 1);
    const two = new optim.RMSprop([
      { params: [w] },
      { params: [tensor([0], { requiresGrad: true })] },
    ]);
    two.paramGroups[1].alpha = 1.5;
    assert.throws(
      () => two.step(),
      /^Error: optim\.RMSprop: alpha must be in \[0, 1\), found 1\.5 \(param group 1\)$/,
    );
  });

  test("refuse what is not a hyper-parameter's number", () => {
    const w = tensor([1], { requiresGrad: true });
    assert.throws(
      () => new optim.Adagrad([w], { lr: "0.1" as never }),
      /^Error: optim\.Adagrad: lr must be a number ≥ 0, found a string \("0\.1"\)$/,
    );
    assert.throws(
      () => new optim.AdamW([w], { betas: [0.9, 1] }),
      /^Error: optim\.AdamW: betas\[1\] must be in \[0, 1\), found 1$/,
    );
  });
});
