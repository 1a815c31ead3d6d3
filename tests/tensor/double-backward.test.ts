// autograd.grad and createGraph: gradients of gradients. Every op with a recorded backward is
// checked by differentiating its gradient again against central differences of that gradient.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { autograd, enableGrad, F, gradcheck, nn, type Tensor, tensor } from "../../src/index.ts";
import { NN_OPS } from "../../src/nn/functional/definitions.ts";
import { defineUnary } from "../../src/tensor/index.ts";
import { TENSOR_OPS } from "../../src/tensor/registry.ts";
import { FUNCTIONAL_CASES } from "../nn/functional/op-cases.ts";
import { filled, gradOf, message } from "./helpers.ts";
import { TENSOR_OP_CASES } from "./op-cases.ts";

const first = (gs: (Tensor | null)[]): Tensor => {
  const g = gs[0];
  if (g === null || g === undefined) throw new Error("expected a gradient");
  return g;
};

describe("autograd.grad(outputs, inputs, options)", () => {
  it("returns ∂y/∂x without touching .grad", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const [g] = autograd.grad(x.pow(3).sum(), x);
    assert.deepEqual(Array.from(first([g]).data), [3, 12, 27]);
    assert.equal(x.grad, null);
  });

  it("gives a second derivative with createGraph: d²/dx² x³ = 6x", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const g = first(autograd.grad(x.pow(3).sum(), x, { createGraph: true }));
    assert.equal(g.requiresGrad, true);
    const h = first(autograd.grad(g.sum(), x));
    assert.deepEqual(Array.from(h.data), [6, 12, 18]);
  });

  it("a Hessian-vector product equals H v for f(x) = ½ xᵀA x + sin(x)·1 (H = A − diag sin x)", () => {
    const A = tensor([
      [2, 1, 0],
      [1, 3, 1],
      [0, 1, 4],
    ]);
    const x = tensor([0.5, -1, 2], { requiresGrad: true });
    const v = tensor([1, -2, 0.5]);
    const f = x.matmul(A).matmul(x).mul(0.5).add(x.sin().sum());
    const g = first(autograd.grad(f, x, { createGraph: true }));
    const Hv = first(autograd.grad(g.mul(v).sum(), x));
    const xs = [0.5, -1, 2];
    const expected = [0, 1, 2].map(
      (i) =>
        [0, 1, 2].reduce((s, j) => s + (A.toArray() as number[][])[i][j] * v.data[j], 0) -
        Math.sin(xs[i]) * v.data[i],
    );
    for (let i = 0; i < 3; i++) assert.ok(Math.abs(Hv.data[i] - expected[i]) < 1e-12);
  });

  it("a Newton step x − f′/f″ lands on the minimum of a quadratic in one step", () => {
    const x = tensor(5, { requiresGrad: true });
    const f = x.sub(2).pow(2).mul(3).add(1); // minimum at x = 2
    const d1 = first(autograd.grad(f, x, { createGraph: true }));
    const d2 = first(autograd.grad(d1, x));
    const next = x.item() - d1.item() / d2.item();
    assert.equal(next, 2);
  });

  it("backward with createGraph leaves a .grad that can be differentiated (a gradient penalty)", () => {
    const w = tensor([0.3, -0.7], { requiresGrad: true });
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    const loss = x.matmul(w).tanh().sum();
    loss.backward({ createGraph: true });
    const penalty = gradOf(w).pow(2).sum();
    const [gp] = autograd.grad(penalty, w);
    // check against central differences of ‖∇loss‖² (w ↦ the penalty)
    const report = gradcheck(
      (v: Tensor) =>
        enableGrad(() => {
          const [g] = autograd.grad(x.matmul(v).tanh().sum(), v, { createGraph: true });
          return first([g]).pow(2).sum();
        }),
      [tensor(w.detach(), { requiresGrad: true })],
    );
    assert.ok(report.ok, report.toString());
    assert.ok(gp !== null);
  });

  it("goes through nn.Linear (F.linear): a gradient penalty on a small network", () => {
    const x = tensor([
      [0.5, -1, 2],
      [1, 0.25, -0.5],
    ]);
    const penalty = (W: Tensor, b: Tensor): Tensor =>
      enableGrad(() => {
        const loss = F.linear(x, W, b).tanh().pow(2).sum();
        const [gW, gb] = autograd.grad(loss, [W, b], { createGraph: true });
        return first([gW])
          .pow(2)
          .sum()
          .add(first([gb]).pow(2).sum());
      });
    const report = gradcheck(penalty, [
      tensor(
        [
          [0.3, -0.2, 0.1],
          [0.4, 0.5, -0.6],
        ],
        { requiresGrad: true },
      ),
      tensor([0.1, -0.3], { requiresGrad: true }),
    ]);
    assert.ok(report.ok, report.toString());
    const xs = tensor([[0.5, -1, 2]], { requiresGrad: true });
    const report2 = gradcheck(
      (v: Tensor) =>
        enableGrad(() => {
          const W = tensor([[0.3, -0.2, 0.1]]);
          const [g] = autograd.grad(F.linear(v, W).tanh().sum(), v, { createGraph: true });
          return first([g]).pow(2).sum();
        }),
      [xs],
    );
    assert.ok(report2.ok, report2.toString());
  });

  it("goes through F.mseLoss: the gradient norm of a regression loss, differentiated", () => {
    const x = tensor([
      [1, 2],
      [0.5, -1],
      [2, 0],
    ]);
    const y = tensor([[1], [0], [-1]]);
    const report = gradcheck(
      (W: Tensor) =>
        enableGrad(() => {
          const loss = F.mseLoss(x.matmul(W).tanh(), y);
          const [g] = autograd.grad(loss, W, { createGraph: true });
          return first([g]).pow(2).sum();
        }),
      [tensor([[0.3], [-0.4]], { requiresGrad: true })],
    );
    assert.ok(report.ok, report.toString());
  });

  it("takes several outputs with gradOutputs, and allowUnused", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = tensor([3], { requiresGrad: true });
    const [gx, gy] = autograd.grad([x.mul(2), x.sum().mul(y)], [x, y], {
      gradOutputs: [tensor([1, 10]), tensor([1])],
    });
    assert.deepEqual(Array.from(first([gx]).data), [2 + 3, 20 + 3]);
    assert.deepEqual(Array.from(first([gy]).data), [3]);
    const z = tensor(1, { requiresGrad: true });
    assert.deepEqual(autograd.grad(x.sum(), [x, z], { allowUnused: true })[1], null);
  });

  it("says what is wrong: an unused input, an input without grad, a non-scalar output", () => {
    const x = tensor([1, 2], { requiresGrad: true, name: "x" });
    const z = tensor(1, { requiresGrad: true });
    assert.equal(
      message(() => autograd.grad(x.sum(), [x, z])),
      "autograd.grad: input #1 is not used in computing the outputs; pass { allowUnused: true } to get null for it",
    );
    assert.equal(
      message(() => autograd.grad(x.sum(), tensor(1))),
      "autograd.grad: input #0 does not require grad; create it with { requiresGrad: true }",
    );
    assert.equal(
      message(() => autograd.grad(x.mul(2), x)),
      "autograd.grad: the output has shape [2]; pass its gradient, e.g. { gradOutputs: onesLike(y) }",
    );
    assert.equal(
      message(() => autograd.grad(x.sum(), x, { createGraf: true } as never)),
      'autograd.grad: unknown option "createGraf" — the options are retainGraph and createGraph',
    );
  });

  it("refuses createGraph through an op whose backward is not recorded, naming it", () => {
    // An element-wise op defined without f′ as recorded ops (and not piecewise linear): its
    // derivative's numbers used as a constant would give a wrong second derivative silently.
    const cube = defineUnary({
      name: "cube",
      reads: "x",
      forward: (x, y) => y.set(x.map((v) => v ** 3)),
      derivative: (x, _y, d) => d.set(x.map((v) => 3 * v * v)),
      tex: { forward: (x) => `${x}^3`, local: (x) => `3${x}^2` },
      words: ["cube", "cube"],
    });
    const x = tensor([1, 2], { requiresGrad: true });
    assert.deepEqual(Array.from(first(autograd.grad(cube.op(x).sum(), x)).data), [3, 12]);
    assert.match(
      message(() => autograd.grad(cube.op(x).sum(), x, { createGraph: true })),
      /^backward: createGraph cannot go through "cube" yet/,
    );
  });

  it("every op of the library and of nn can record its backward (none refuses createGraph)", () => {
    const refusing = [...TENSOR_OPS, ...NN_OPS]
      .filter((d) => d.rules.some((r) => r.vjpGraph === undefined))
      .map((d) => d.name);
    assert.deepEqual(refusing, []);
  });

  it("goes through prod where entries are 0: d²/dx² of x₀x₁x₂ at (0, 0, 3)", () => {
    const x = tensor([0, 0, 3], { requiresGrad: true });
    const g = first(autograd.grad(x.prod(), x, { createGraph: true }));
    assert.deepEqual(Array.from(g.data), [0, 0, 0]);
    // ∂/∂x of g·(1, 0, 0) = ∂(x₁x₂)/∂x = (0, x₂, x₁) = (0, 3, 0)
    const h = first(autograd.grad(g.mul(tensor([1, 0, 0])).sum(), x));
    assert.deepEqual(Array.from(h.data), [0, 3, 0]);
  });

  it("goes through the layers: Conv1d, BatchNorm1d, LayerNorm, Dropout, GELU, ELU, Softplus", () => {
    const x = tensor(
      Float64Array.from({ length: 24 }, (_, k) => Math.cos(1.3 * k)),
      { shape: [3, 2, 4] },
    );
    // the input gradient's norm (a gradient penalty on the input), differentiated again
    const penalty = (w: Tensor): Tensor =>
      enableGrad(() => {
        const conv = new nn.Conv1d(2, 2, 2, { seed: 1 });
        conv.weight.data.set(w.data);
        const model = new nn.Sequential(
          new nn.BatchNorm1d(2),
          new nn.GELU(),
          new nn.LayerNorm(3),
          new nn.Dropout(0.3, { seed: 2 }),
          new nn.ELU(0.5),
          new nn.Softplus(2, 1),
        );
        const xs = tensor(x, { requiresGrad: true });
        const out = model
          .call(F.conv1d(xs, w, conv.bias))
          .pow(2)
          .sum();
        const [gx] = autograd.grad(out, xs, { createGraph: true });
        return first([gx]).pow(2).sum();
      });
    const w = tensor(
      Float64Array.from({ length: 8 }, (_, k) => 0.3 * Math.sin(k + 1)),
      { shape: [2, 2, 2], requiresGrad: true },
    );
    const report = gradcheck(penalty, [w]);
    assert.ok(report.ok, report.toString());
  });

  it("goes through conv2d, both ways: a gradient penalty on the filter of a small CNN", () => {
    const x = tensor(
      Float64Array.from({ length: 32 }, (_, k) => Math.sin(k)),
      { shape: [2, 1, 4, 4] },
    );
    const penalty = (w: Tensor, b: Tensor): Tensor =>
      enableGrad(() => {
        const y = F.maxPool2d(F.conv2d(x, w, b, { padding: 1 }).tanh(), 2);
        const loss = F.mseLoss(y.sum([1, 2, 3]), tensor([0.5, -0.5]));
        const [gw, gb] = autograd.grad(loss, [w, b], { createGraph: true });
        return first([gw])
          .pow(2)
          .sum()
          .add(first([gb]).pow(2).sum());
      });
    const w = tensor(
      [
        [
          [
            [0.3, -0.2],
            [0.1, 0.4],
          ],
        ],
        [
          [
            [-0.5, 0.2],
            [0.6, -0.1],
          ],
        ],
      ],
      {
        requiresGrad: true,
      },
    );
    const report = gradcheck(penalty, [w, tensor([0.1, -0.2], { requiresGrad: true })]);
    assert.ok(report.ok, report.toString());
  });
});

describe("createGraph on every op: the gradient's own gradient matches central differences", () => {
  for (const c of [...TENSOR_OP_CASES, ...FUNCTIONAL_CASES]) {
    it(c.name, () => {
      fc.assert(
        fc.property(c.arb, ({ f, inputs, seed, label }) => {
          // h(x) = Σ u ⊙ ∇ₓ (Σ w ⊙ f(x)) for fixed weights w, u: its gradient is H·u.
          // (gradcheck evaluates it under noGrad for the differences: the graph is needed anyway)
          const probe = (...xs: Tensor[]): Tensor =>
            enableGrad(() => {
              const y = f(...xs);
              const w = filled(y.shape, seed + 7).detach();
              const gs = autograd.grad(y.mul(w).sum(), xs, {
                createGraph: true,
                allowUnused: true,
              });
              let h: Tensor = tensor(0);
              gs.forEach((g, k) => {
                if (g !== null) h = h.add(g.mul(filled(xs[k].shape, seed + 11 + k).detach()).sum());
              });
              return h;
            });
          const report = gradcheck(probe, inputs, { eps: 1e-5, tol: 1e-5 });
          assert.ok(report.ok, `${label}\n${report.toString()}`);
        }),
        { numRuns: 6, seed: 42, examples: (c.examples ?? []).slice(0, 2).map((x) => [x]) },
      );
    });
  }
});
