// In-place writes bump a version counter shared by a tensor and its views; backward refuses a
// graph whose saved tensors moved, naming the tensor and the op, as PyTorch does.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nn, noGrad, optim, tensor } from "../../src/index.ts";
import { gradOf } from "./helpers.ts";

const STALE =
  /^backward: one of the variables needed for gradient computation has been modified by an inplace operation/;

describe("the version counter", () => {
  it("counts every in-place write: the in-place methods, optimisers, nn.init, zeroGrad(false)", () => {
    const w = tensor([1, 2], { requiresGrad: true, name: "w" });
    assert.equal(w._version, 0);
    noGrad(() =>
      w
        .addInPlace(1)
        .mulInPlace(2)
        .subInPlace(1)
        .copyInPlace(tensor([3, 4]))
        .fillInPlace(0),
    );
    assert.equal(w._version, 5);
    w.mul(w).sum().backward();
    new optim.SGD([w], { lr: 0.1 }).step();
    assert.equal(w._version, 6);
    new optim.Adam([w], { lr: 0.1 }).step();
    assert.equal(w._version, 7);
    nn.init.constant(w, 1);
    assert.equal(w._version, 8);
    const g = gradOf(w);
    w.zeroGrad(false);
    assert.equal(g._version, 1, "zeroing .grad in place is a write into it");
  });

  it("is shared by a tensor and its reshape, view and detach() aliases", () => {
    const x = tensor([1, 2, 3, 4]);
    const r = x.reshape([2, 2]);
    const v = r.view([4, 1]);
    const d = v.detach();
    d.addInPlace(1);
    assert.deepEqual(x.toArray(), [2, 3, 4, 5], "one storage");
    assert.deepEqual([x._version, r._version, v._version, d._version], [1, 1, 1, 1]);
    x.mulInPlace(2);
    assert.equal(d._version, 2);
    assert.equal(x.clone()._version, 0, "a clone has storage (and a counter) of its own");
  });
});

describe("backward refuses a graph whose saved tensors were changed in place", () => {
  it("loss = w³; optimizer.step(); loss.backward() throws instead of a silently wrong gradient", () => {
    for (const make of [
      (w: ReturnType<typeof tensor>) => new optim.SGD([w], { lr: 0.1 }),
      (w: ReturnType<typeof tensor>) => new optim.Adam([w], { lr: 0.1 }),
    ]) {
      const w = tensor([1, 2], { requiresGrad: true, name: "w" });
      const opt = make(w);
      w.pow(2).sum().backward(); // gives w a gradient, so the step moves it
      const loss = w.pow(3).sum();
      opt.step();
      assert.throws(
        () => loss.backward(),
        (e: Error) =>
          STALE.test(e.message) &&
          e.message.includes('"pow" saved "w" [2] at version 0') &&
          e.message.includes("now at version 1") &&
          e.message.includes("backward() before optimizer.step()"),
      );
    }
  });

  it("names an unnamed parameter, an intermediate or the op's own output", () => {
    const p = tensor([[1, 2]], { requiresGrad: true });
    const x = tensor([[3], [4]]);
    const loss = p.matmul(x).sum();
    nn.init.zeros(p);
    assert.throws(
      () => loss.backward(),
      /"matmul" saved a parameter of shape \[1,2\] at version 0/,
    );

    const a = tensor([0.5, 1], { requiresGrad: true });
    const e = a.exp(); // exp's backward reads its own output
    const l2 = e.sum();
    noGrad(() => e.mulInPlace(2));
    assert.throws(() => l2.backward(), /"exp" saved its own output \[2\] at version 0/);

    const h = a.mul(2);
    const l3 = h.tanh().mul(h).sum();
    noGrad(() => h.addInPlace(1));
    assert.throws(() => l3.backward(), /"mul" saved the output of mul \[2\] at version 0/);
  });

  it("notices writes through an alias: a detach() view and a reshape view", () => {
    const w = tensor([1, 2, 3, 4], { requiresGrad: true, name: "w" });
    const loss = w.pow(2).sum();
    w.detach().addInPlace(1); // a detached alias does not require grad, so this is allowed
    assert.throws(() => loss.backward(), /"pow" saved "w" \[4\]/);

    const x = tensor([1, 2, 3, 4], { name: "x" });
    const v = tensor([1, 1, 1, 1], { requiresGrad: true });
    const l2 = v.mul(x).sum();
    x.reshape([2, 2]).fillInPlace(0);
    assert.throws(() => l2.backward(), /"mul" saved "x" \[4\]/);
  });

  it("lets through changes to tensors the backward does not read, as PyTorch does", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const b = tensor([5, 5]);
    const loss = w.mul(3).add(b).sum(); // add needs neither input for its gradient
    b.addInPlace(1);
    loss.backward();
    assert.deepEqual(gradOf(w).toArray(), [3, 3]);
  });

  it("is fine with the usual loop: zeroGrad, forward, backward, step", () => {
    const w = tensor([1, -1], { requiresGrad: true });
    const opt = new optim.SGD([w], { lr: 0.1 });
    for (let i = 0; i < 3; i++) {
      opt.zeroGrad();
      w.pow(3).sum().backward();
      opt.step();
    }
    assert.ok(Number.isFinite(w.data[0]));
    assert.equal(w._version, 3);
  });
});
