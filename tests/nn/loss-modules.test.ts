import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, gradcheck, nn, type Tensor, tensor } from "../../src/index.ts";
import { gradOf } from "./helpers.ts";

const near = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);

describe("loss modules: new nn.XxxLoss({ reduction }).call(input, target)", () => {
  test("MSELoss, CrossEntropyLoss, BCELoss give what their F functions give", () => {
    const x = tensor([
      [0.2, 0.7],
      [0.9, 0.4],
    ]);
    const t = tensor([
      [0, 1],
      [1, 0],
    ]);
    near(new nn.MSELoss().call(x, t).item(), F.mseLoss(x, t).item());
    near(new nn.MSELoss({ reduction: "sum" }).call(x, t).item(), 0.04 + 0.09 + 0.01 + 0.16);
    near(new nn.CrossEntropyLoss().call(x, [1, 0]).item(), F.crossEntropy(x, [1, 0]).item());
    near(new nn.BCELoss().call(x, t).item(), F.bceLoss(x, t).item());
    assert.deepEqual(new nn.BCELoss({ reduction: "none" }).call(x, t).shape, [2, 2]);
  });

  test("NLLLoss picks −logp of the right class; CrossEntropyLoss = NLLLoss ∘ logSoftmax", () => {
    const logp = tensor([
      [-0.1, -2.3],
      [-1.2, -0.4],
    ]);
    near(new nn.NLLLoss().call(logp, [0, 1]).item(), (0.1 + 0.4) / 2);
    near(new nn.NLLLoss({ reduction: "sum" }).call(logp, [1, 1]).item(), 2.7);
    assert.deepEqual(
      Array.from(new nn.NLLLoss({ reduction: "none" }).call(logp, [1, 0]).data),
      [2.3, 1.2],
    );
    const z = tensor([
      [1, 2, 3],
      [0, -1, 4],
    ]);
    near(F.nllLoss(z.logSoftmax(-1), [2, 0]).item(), F.crossEntropy(z, [2, 0]).item());
  });

  test("NLLLoss ignores a masked class (logp = −∞) unless it is the right one — PyTorch's 1.3133", () => {
    const z = tensor([[0, -Infinity, 1]], { requiresGrad: true });
    const loss = F.nllLoss(z.logSoftmax(-1), [0]);
    near(loss.item(), 1.3132616875182228);
    loss.backward();
    const g = gradOf(z).data;
    near(g[0], 1 / (1 + Math.E) - 1);
    assert.equal(g[1], 0);
    near(g[2], Math.E / (1 + Math.E));
  });

  test("BCEWithLogitsLoss is softplus(z) − y·z, gradient (σ(z) − y)/n, fine at z = 0 and z = ±800", () => {
    const z = tensor([0, 2, -3], { requiresGrad: true });
    const loss = new nn.BCEWithLogitsLoss().call(z, [1, 0, 0.5]);
    near(loss.item(), 1.4562208477255532);
    loss.backward();
    const g = gradOf(z).data;
    [-0.16666666666666666, 0.29359902599262744, -0.1508580422741444].forEach((v, k) => {
      near(g[k], v);
    });
    const extreme = F.bceWithLogitsLoss([800, -800], [0, 1], "none");
    assert.deepEqual(Array.from(extreme.data), [800, 800]);
  });

  test("refuses a reduction it does not know, and labels of the wrong shape", () => {
    assert.throws(
      () => new nn.MSELoss({ reduction: "avg" as never }),
      /^Error: nn\.MSELoss: reduction must be "mean", "sum" or "none", found a string \("avg"\)$/,
    );
    assert.throws(
      () => new nn.NLLLoss().call([[0, 0]], [[0]]),
      /^Error: nllLoss: input \[1,2\] needs labels of shape \[1\] \(one class index per row\), found \[1,1\]$/,
    );
    assert.throws(
      () => F.nllLoss([[0, 0]], [2]),
      /^Error: nllLoss: label 0 is 2, expected an integer class in 0…1$/,
    );
    assert.throws(
      () => new nn.BCEWithLogitsLoss().call([[0, 1]], [0, 1]),
      /^Error: bceWithLogitsLoss: input \[1,2\] and target \[2\] differ in shape/,
    );
  });

  test("BCEWithLogitsLoss({ posWeight }) weighs the positive term: −[p·y log σ(z) + (1 − y) log(1 − σ(z))]", () => {
    const z = [
      [0.5, -1],
      [2, 0.25],
    ];
    const y = [
      [1, 0],
      [0.3, 1],
    ];
    const p = [3, 0.5]; // one per class (the last axis)
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    let expected = 0;
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++)
        expected -=
          p[j] * y[i][j] * Math.log(sig(z[i][j])) + (1 - y[i][j]) * Math.log(1 - sig(z[i][j]));
    const loss = new nn.BCEWithLogitsLoss({ posWeight: p });
    near(loss.call(z, y).item(), expected / 4);
    near(F.binaryCrossEntropyWithLogits(z, y, { posWeight: p, reduction: "sum" }).item(), expected);
    near(F.bceWithLogitsLoss(z, y, { posWeight: p }).item(), expected / 4);
    // posWeight 1 is the plain loss; a weight per element multiplies each term
    near(
      F.binaryCrossEntropyWithLogits(z, y, { posWeight: 1 }).item(),
      F.bceWithLogitsLoss(z, y).item(),
    );
    const none = F.bceWithLogitsLoss(z, y, "none");
    const weighted = F.binaryCrossEntropyWithLogits(z, y, { weight: [2, 0], reduction: "none" });
    assert.deepEqual(Array.from(weighted.data), [2 * none.data[0], 0, 2 * none.data[2], 0]);
    const report = gradcheck(
      (zt: Tensor, yt: Tensor) => F.binaryCrossEntropyWithLogits(zt, yt, { posWeight: p }),
      [tensor(z, { requiresGrad: true }), tensor(y, { requiresGrad: true })],
    );
    assert.ok(report.ok, report.toString());
    assert.throws(
      () => F.binaryCrossEntropyWithLogits(z, y, { posWeight: [1, 2, 3] }),
      /^Error: binaryCrossEntropyWithLogits: posWeight of shape \[3\] does not broadcast over the logits \[2,2\] \(one weight per class, the last axis, or one number\)$/,
    );
    assert.throws(
      () => new nn.BCEWithLogitsLoss({ posWeight: "2" as never }),
      /^Error: nn\.BCEWithLogitsLoss: expected a Tensor, a number or nested arrays of numbers for posWeight, found a string \("2"\)$/,
    );
  });

  test("are nn.Modules: callable, listed by modules(), printed by name and reduction", () => {
    const loss = new nn.CrossEntropyLoss({ reduction: "sum" });
    assert.ok(loss instanceof nn.Module);
    assert.deepEqual(loss.modules(), [loss]);
    assert.deepEqual(loss.parameters(), []);
    assert.equal(String(loss), 'CrossEntropyLoss(reduction="sum")');
    assert.equal(String(new nn.MSELoss()), "MSELoss()");
    assert.equal(String(new nn.NLLLoss()), "NLLLoss()");
    assert.equal(String(new nn.BCELoss({ reduction: "none" })), 'BCELoss(reduction="none")');
    assert.match(
      String(new nn.BCEWithLogitsLoss({ posWeight: [2] })),
      /^BCEWithLogitsLoss\(posWeight=tensor\(/,
    );
    // a model that holds its criterion lists it among its modules
    class Regressor extends nn.Module {
      readonly body = this.registerModule("body", new nn.Linear(1, 1, { seed: 0 }));
      readonly criterion = this.registerModule("criterion", new nn.MSELoss());
      forward(x: Tensor): Tensor {
        return this.body.call(x);
      }
    }
    const model = new Regressor();
    assert.deepEqual(
      model.namedModules().map(([name, m]) => [name, m.typeName]),
      [
        ["", "Regressor"],
        ["body", "Linear"],
        ["criterion", "MSELoss"],
      ],
    );
    assert.equal(model.criterion.call(model.call([[1]]), [[0]]).shape.length, 0);
    assert.throws(
      () => new nn.Sequential(new nn.Linear(1, 1), new nn.MSELoss() as never),
      /^Error: nn\.Sequential: layer #1 is a loss \(nn\.MSELoss\), which takes a prediction and a target/,
    );
  });
});
