import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, gradcheck, jvp, nn, randn, rng, tensor } from "../../../src/index.ts";

describe("F.linear(x, W, b)", () => {
  test("computes x Wᵀ + b with W stored [out, in]", () => {
    const x = tensor([[1, 2]]);
    const W = tensor([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    assert.deepEqual(F.linear(x, W, tensor([0, 10, -3])).toArray(), [[1, 12, 0]]);
    assert.deepEqual(F.linear(tensor([1, 2]), W).toArray(), [1, 2, 3]);
  });

  test("keeps any leading dimensions: [..., in] → [..., out], as torch.nn.functional.linear", () => {
    const r = rng(10);
    const [x, W, b] = [randn([2, 3, 4], r), randn([5, 4], r), randn([5], r)];
    const y = F.linear(x, W, b);
    assert.deepEqual(y.shape, [2, 3, 5]);
    const rows = F.linear(x.reshape([6, 4]), W, b).reshape([2, 3, 5]);
    for (const [k, v] of y.data.entries()) assert.ok(Math.abs(v - rows.data[k]) < 1e-12);
    const layer = new nn.Linear(4, 5, { seed: 0 });
    assert.deepEqual(layer.forward(randn([7, 1, 2, 4], r)).shape, [7, 1, 2, 5]);
  });

  test("equals x.matmul(W.transpose()).add(b)", () => {
    const r = rng(11);
    const [x, W, b] = [randn([5, 3], r), randn([4, 3], r), randn([4], r)];
    const a = F.linear(x, W, b).data;
    const c = x.matmul(W.transpose()).add(b).data;
    for (const [k, v] of a.entries()) assert.ok(Math.abs(v - c[k]) < 1e-12);
  });

  test("gradients of x, W and b match central differences", () => {
    const r = rng(12);
    const report = gradcheck(
      (x, W, b) => F.linear(x, W, b),
      [randn([5, 3], r), randn([4, 3], r), randn([4], r)],
    );
    assert.ok(report.ok, report.toString());
    const single = gradcheck((x, W) => F.linear(x, W), [randn([3], r), randn([2, 3], r)]);
    assert.ok(single.ok, single.toString());
  });

  test("forward mode agrees with the composed ops", () => {
    const r = rng(13);
    const xs = [randn([2, 3], r), randn([4, 3], r), randn([4], r)];
    const ts = [randn([2, 3], r), randn([4, 3], r), randn([4], r)];
    const a = jvp((x, W, b) => F.linear(x, W, b), xs, ts).tangent.data;
    const c = jvp((x, W, b) => x.matmul(W.transpose()).add(b), xs, ts).tangent.data;
    for (const [k, v] of a.entries()) assert.ok(Math.abs(v - c[k]) < 1e-12);
  });

  test("names the shapes when input and weight do not fit", () => {
    assert.throws(
      () => F.linear(tensor([[1, 2, 3]]), tensor([[1, 2]])),
      /linear: input \[1,3\] does not fit weight \[1,2\] — expected \[\.\.\., 2\], e\.g\. \[batch, 2\] or \[2\]/,
    );
  });
});
