import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { data, F, nn, optim, tensor } from "../../src/index.ts";

describe("data.bishop(target, { n, seed })", () => {
  test("draws 50 sorted inputs in (−1, 1) as an [n, 1] tensor, by default", () => {
    const d = data.bishop("sin");
    assert.deepEqual(d.x.shape, [50, 1]);
    assert.deepEqual(d.y.shape, [50, 1]);
    assert.ok(d.xs.every((x) => x > -1 && x < 1));
    assert.ok(d.xs.every((x, i) => i === 0 || d.xs[i - 1] <= x));
    // Uniform, not clumped: both halves of the interval get points.
    assert.ok(d.xs.filter((x) => x < 0).length > 15 && d.xs.filter((x) => x > 0).length > 15);
  });

  test("targets are x², sin(πx), |x| and H(x)", () => {
    const f = {
      x2: (x: number) => x * x,
      sin: (x: number) => Math.sin(Math.PI * x),
      abs: Math.abs,
      heaviside: (x: number) => (x >= 0 ? 1 : 0),
    };
    for (const [target, g] of Object.entries(f)) {
      const d = data.bishop(target as keyof typeof f, { n: 20, seed: 3 });
      for (const [i, x] of d.xs.entries()) assert.equal(d.ys[i], g(x));
      assert.deepEqual(Array.from(d.y.data), d.ys);
      assert.deepEqual(d.points[0], { x: d.xs[0], y: d.ys[0] });
    }
  });

  test("the same seed gives the same points, another seed others; 'square' and 'step' are aliases", () => {
    assert.deepEqual(data.bishop("abs", { seed: 4 }).xs, data.bishop("abs", { seed: 4 }).xs);
    assert.notDeepEqual(data.bishop("abs", { seed: 4 }).xs, data.bishop("abs", { seed: 5 }).xs);
    assert.deepEqual(data.bishop("square").ys, data.bishop("x2").ys);
    assert.deepEqual(data.bishop("step").ys, data.bishop("heaviside").ys);
  });

  test("names the targets it knows when given another", () => {
    // A cell author's typo, as plain JavaScript would pass it.
    const typo = "cos" as Parameters<typeof data.bishop>[0];
    assert.throws(
      () => data.bishop(typo),
      /unknown target "cos", expected "x2", "sin", "abs" or "heaviside"/,
    );
  });
});

describe("data.xor() and data.xnor()", () => {
  test("label the four corners of the unit square", () => {
    assert.deepEqual(data.xor().labels, [0, 1, 1, 0]);
    assert.deepEqual(data.xnor().labels, [1, 0, 0, 1]);
    assert.deepEqual(data.xor().x.toArray(), [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    assert.deepEqual(data.xnor().y.shape, [4, 1]);
  });

  test("the seeds' two hidden units make XNOR separable: hidden inputs 0/1/1/2 and 0/−1/−1/−2", () => {
    const { x } = data.xnor();
    const h = x
      .matmul(
        tensor([
          [1, -1],
          [1, -1],
        ]),
      )
      .add(0); // [4, 2]; add(0) turns −0 into 0
    assert.deepEqual(h.toArray(), [
      [0, 0],
      [1, -1],
      [1, -1],
      [2, -2],
    ]);
  });
});

describe("data.twoClass({ n, kind, seed })", () => {
  test("rings: class 0 inside radius 0.5 and class 1 beyond 0.8, up to the noise", () => {
    const d = data.twoClass({ n: 200, kind: "rings", noise: 0 });
    assert.deepEqual(d.x.shape, [200, 2]);
    d.points.forEach(({ x1, x2, label }) => {
      const r = Math.hypot(x1, x2);
      assert.ok(label === 0 ? r <= 0.5 : r >= 0.8 && r <= 1.2, `label ${label} at radius ${r}`);
    });
    assert.equal(d.labels.filter((l) => l === 1).length, 100);
  });

  test("xor: two ReLU hidden units map it to a picture a line separates", () => {
    const d = data.twoClass({ n: 200, kind: "xor", noise: 0.05, seed: 1 });
    // h₁ = relu(x₁ + x₂), h₂ = relu(x₁ + x₂ − 1); the line h₁ − 2h₂ = 0.5 splits the classes.
    d.points.forEach(({ x1, x2, label }) => {
      const s = x1 + x2;
      const score = Math.max(0, s) - 2 * Math.max(0, s - 1);
      assert.equal(score > 0.5 ? 1 : 0, label);
    });
  });

  test("a small ReLU network learns the rings (cross-entropy, Adam)", () => {
    const d = data.twoClass({ n: 100, seed: 2 });
    const model = new nn.MLP([2, 8, 2], { activation: "relu", seed: 0 });
    const opt = new optim.Adam(model.parameters(), { lr: 0.05 });
    for (let step = 0; step < 300; step++) {
      opt.zeroGrad();
      F.crossEntropy(model.forward(d.x), d.labels).backward();
      opt.step();
    }
    const predicted = model.forward(d.x).argmax(1).data;
    const correct = d.labels.filter((l, i) => predicted[i] === l).length;
    assert.ok(correct >= 95, `${correct} of 100 right`);
  });
});
