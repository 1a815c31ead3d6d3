import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { F, gradcheck, nn, randn, rng, type Tensor, tensor } from "../../src/index.ts";
import { gradOf } from "./helpers.ts";

const close = (actual: ArrayLike<number>, expected: number[], tol = 1e-12) => {
  assert.equal(actual.length, expected.length);
  for (let k = 0; k < expected.length; k++) {
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= tol * Math.max(1, Math.abs(expected[k])),
      `element ${k}: ${actual[k]} vs ${expected[k]}`,
    );
  }
};

describe("nn.GELU, nn.ELU, nn.Softplus, nn.Softmax (PyTorch's values)", () => {
  test("GELU is x·Φ(x) with derivative Φ(x) + x·φ(x); the tanh form is close to it", () => {
    const x = tensor([1, -0.5, 3], { requiresGrad: true });
    const y = new nn.GELU().call(x);
    close(y.data, [0.8413447460685429, -0.15426876936299344, 2.99595030590511]);
    y.sum().backward();
    close(gradOf(x).data.slice(0, 2), [1.0833154705876864, 0.13250487534383712]);
    close(new nn.GELU("tanh").call([1]).data, [0.8411919906082768]);
    assert.throws(
      () => F.gelu([1], { approximate: "fast" as never }),
      /^Error: gelu: approximate must be "none" or "tanh", found "fast"$/,
    );
  });

  test("ELU is α(eˣ − 1) below 0, with derivative α·eˣ there", () => {
    const x = tensor([-1, 2, -2], { requiresGrad: true });
    close(new nn.ELU().call(x).data.slice(0, 2), [-0.6321205588285577, 2]);
    const y = new nn.ELU(0.5).call(x);
    close([y.data[2]], [-0.43233235838169365]);
    y.sum().backward();
    close(gradOf(x).data, [0.5 * Math.exp(-1), 1, 0.06766764161830635]);
  });

  test("Softplus is log(1 + e^(βx))/β, exact for large negative x and x itself past βx > 20", () => {
    close(new nn.Softplus().call([1, -30]).data, [1.3132616875182228, 9.357622968839737e-14]);
    const x = tensor([2, 25], { requiresGrad: true });
    const y = new nn.Softplus(3).call(x);
    close(y.data, [2.0008252283792434, 25]);
    y.sum().backward();
    close(gradOf(x).data, [0.9975273768433653, 1]);
    assert.throws(
      () => F.softplus([1], 0),
      /^Error: softplus: beta must be a number > 0, found the number 0$/,
    );
  });

  test("Softplus(beta, threshold) is linear past βx > threshold, and exact for a large threshold", () => {
    const x = tensor([0.2, 1, 1000], { requiresGrad: true });
    const y = new nn.Softplus(1, 0.5).call(x);
    close(y.data, [0.7981388693815918, 1, 1000]);
    y.sum().backward();
    close(gradOf(x).data, [0.549833997312478, 1, 1]);
    // no threshold in reach: log1p(e^1000) written stably, not log(Infinity)
    close(F.softplus([1000, -1000], 1, 1e9).data, [1000, 0]);
    assert.throws(
      () => new nn.Softplus(1, "20" as never),
      /^Error: softplus: threshold must be a number, found a string \("20"\)$/,
    );
  });

  test("Softmax turns each row into probabilities along its dim", () => {
    const p = new nn.Softmax(1).call([
      [0, 0],
      [0, Math.log(3)],
    ]);
    close(p.data, [0.5, 0.5, 0.25, 0.75]);
  });
});

describe("nn.LayerNorm(normalizedShape, { eps, elementwiseAffine })", () => {
  test("normalises each row to mean 0 and (biased) variance 1, then scales by γ and shifts by β", () => {
    const ln = new nn.LayerNorm(3);
    close(ln.call([[1, 2, 3]]).data, [-1.2247356859083902, 0, 1.2247356859083902]);
    assert.deepEqual(
      ln.namedParameters().map(([n, p]) => [n, p.shape]),
      [
        ["weight", [3]],
        ["bias", [3]],
      ],
    );
    ln.weight?.data.set([2, 2, 2]);
    ln.bias?.data.set([1, 1, 1]);
    close(ln.call([[1, 2, 3]]).data, [1 - 2 * 1.2247356859083902, 1, 1 + 2 * 1.2247356859083902]);
  });

  test("normalises over several trailing axes, without parameters when asked", () => {
    const ln = new nn.LayerNorm([2, 2], { elementwiseAffine: false });
    assert.equal(ln.parameters().length, 0);
    const y = ln.call(randn([3, 2, 2], rng(1)));
    for (let n = 0; n < 3; n++) {
      const row = Array.from(y.data.slice(4 * n, 4 * n + 4));
      assert.ok(Math.abs(row.reduce((a, b) => a + b) / 4) < 1e-12);
    }
  });

  test("refuses an input that does not end in the normalized shape", () => {
    assert.throws(
      () => new nn.LayerNorm(4).call(randn([2, 3], rng(0))),
      /^Error: nn\.LayerNorm: input \[2,3\] must end in the normalized shape \[4\]$/,
    );
    assert.throws(() => new nn.LayerNorm(0), /normalizedShape must be a positive integer/);
  });
});

describe("nn.BatchNorm1d / nn.BatchNorm2d (train and eval)", () => {
  test("training normalises by the batch and moves the running mean and unbiased variance by momentum", () => {
    const bn = new nn.BatchNorm1d(2);
    const y = bn.call([
      [1, 2],
      [3, 6],
    ]);
    // mean [2, 4], biased variance [1, 4]
    close(
      y.data,
      [-0.9999950000374997, -0.9999987500023437, 0.9999950000374997, 0.9999987500023437],
    );
    close(bn.runningMean?.data ?? [], [0.2, 0.4]);
    close(bn.runningVar?.data ?? [], [1.1, 1.7]); // 0.9·1 + 0.1·[2, 8]
  });

  test("eval() normalises with the running statistics, the same for any batch", () => {
    const bn = new nn.BatchNorm1d(2);
    bn.call([
      [1, 2],
      [3, 6],
    ]);
    bn.eval();
    const y = bn.call([[0.2, 0.4]]);
    close(y.data, [0, 0]);
    close(bn.call([[1.2, 0.4]]).data, [1 / Math.sqrt(1.1 + 1e-5), 0]);
    close(bn.runningMean?.data ?? [], [0.2, 0.4]); // eval leaves the statistics alone
  });

  test("BatchNorm2d normalises each channel over batch, height and width", () => {
    const bn = new nn.BatchNorm2d(3);
    const x = randn([4, 3, 2, 2], rng(2)).mul(5).add(7);
    const y = bn.call(x);
    for (let c = 0; c < 3; c++) {
      const values: number[] = [];
      for (let n = 0; n < 4; n++)
        for (let k = 0; k < 4; k++) values.push(y.data[n * 12 + c * 4 + k]);
      const mean = values.reduce((a, b) => a + b) / 16;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / 16;
      assert.ok(Math.abs(mean) < 1e-12);
      assert.ok(Math.abs(variance - 1) < 1e-4);
    }
    assert.deepEqual(
      bn.namedBuffers().map(([n]) => n),
      ["runningMean", "runningVar"],
    );
  });

  test("refuses a wrong rank or channel count, and a batch of one value per channel when training", () => {
    assert.throws(
      () => new nn.BatchNorm2d(3).call(randn([2, 4, 2, 2], rng(0))),
      /^Error: nn\.BatchNorm2d: input must be \[N, C, H, W\] with C = 3, found \[2,4,2,2\]$/,
    );
    assert.throws(
      () => new nn.BatchNorm1d(2).call([[1, 2]]),
      /^Error: nn\.BatchNorm1d: needs more than one value per channel to train, found \[1,2\] \(use a batch of 2 or more, or call eval\(\)\)$/,
    );
    assert.throws(
      () => new nn.BatchNorm1d(2, { momentum: 2 }),
      /momentum must be a number in \[0, 1\], found 2/,
    );
  });
});

describe("nn.Conv1d(in, out, k, { stride, padding })", () => {
  test("slides [out, in, k] filters along [N, C, L] and draws PyTorch's default weights", () => {
    const conv = new nn.Conv1d(2, 3, 3, { seed: 0, padding: 1 });
    assert.deepEqual(conv.weight.shape, [3, 2, 3]);
    const bound = 1 / Math.sqrt(6);
    assert.ok(conv.weight.data.every((w) => Math.abs(w) <= bound));
    assert.deepEqual(conv.call(randn([4, 2, 10], rng(0))).shape, [4, 3, 10]);
    const strided = new nn.Conv1d(1, 1, 2, { stride: 2, bias: false, init: (w) => w.data.fill(1) });
    assert.deepEqual(Array.from(strided.call([[[1, 2, 3, 4, 5]]]).data), [3, 7]);
  });

  test("refuses sizes that are not positive integers", () => {
    assert.throws(
      () => new nn.Conv1d(1, 2, 0),
      /^Error: nn\.Conv1d: kernelSize must be a positive integer, found 0$/,
    );
    assert.throws(
      () => new nn.Conv1d("3" as never, 2, 3),
      /^Error: nn\.Conv1d: inChannels must be a positive integer, found a string \("3"\)$/,
    );
  });
});

// Property tests: each new layer's gradient with respect to its input agrees with central
// differences at random sizes and values, with γ and β away from 1 and 0 (their own gradients
// are those of a product and a sum, checked with the tensor ops).
const layerCase = fc.record({
  N: fc.integer({ min: 2, max: 4 }),
  C: fc.integer({ min: 1, max: 3 }),
  L: fc.integer({ min: 2, max: 3 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

/** Sets a layer's γ and β to random values and gradchecks `layer(x)` with respect to x. */
function inputGradientMatches(
  layer: nn.Module & { weight: Tensor | null; bias: Tensor | null },
  x: Tensor,
  seed: number,
): boolean {
  const r = rng(seed + 1);
  layer.weight?.data.set(randn(layer.weight.shape, r).add(1.5).data);
  layer.bias?.data.set(randn(layer.bias.shape, r).data);
  const report = gradcheck((x) => layer.call(x), [x], { tol: 1e-6 });
  if (!report.ok) throw new Error(report.toString());
  return true;
}

describe("the new layers' input gradients match central differences (fast-check)", () => {
  test("LayerNorm over the last one and two axes", () => {
    fc.assert(
      fc.property(layerCase, ({ N, C, L, seed }) => {
        inputGradientMatches(new nn.LayerNorm(L), randn([N, C, L], rng(seed)), seed);
        return inputGradientMatches(new nn.LayerNorm([C, L]), randn([N, C, L], rng(seed)), seed);
      }),
      { numRuns: 15 },
    );
  });

  test("BatchNorm1d on [N, C] and [N, C, L], BatchNorm2d on [N, C, L, L], training and eval", () => {
    fc.assert(
      fc.property(layerCase, ({ N, C, L, seed }) => {
        inputGradientMatches(new nn.BatchNorm1d(C), randn([N, C], rng(seed)), seed);
        inputGradientMatches(new nn.BatchNorm1d(C), randn([N, C, L], rng(seed)), seed);
        const bn = new nn.BatchNorm2d(C);
        inputGradientMatches(bn, randn([N, C, L, L], rng(seed)), seed);
        return inputGradientMatches(bn.eval(), randn([N, C, L, L], rng(seed)), seed);
      }),
      { numRuns: 15 },
    );
  });
});
