// Forward mode: jvp evaluates f once with dual numbers, recording nothing, and agrees with
// reverse mode on every op (the op table is shared with the gradient check).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { jvp, type Tensor, tensor } from "../../src/index.ts";
import { TENSOR_OP_CASES } from "./op-cases.ts";
import { forwardMatchesReverse } from "./op-checks.ts";

describe("jvp(f, inputs, tangents)", () => {
  it("returns f's value and the directional derivative (d/dx x³ along 1 is 3x²)", () => {
    const { value, tangent } = jvp((x) => x.pow(3), [tensor([1, 2])], [tensor([1, 1])]);
    assert.deepEqual(value.toArray(), [1, 8]);
    assert.deepEqual(tangent.toArray(), [3, 12]);
  });

  it("gives chapter 7's neuron loss the derivative backward() gives, one direction per pass", () => {
    const [x, y, w0, b0] = [1.5, 0.5, 0.8, -0.2];
    const loss = (w: Tensor, b: Tensor) => w.mul(x).add(b).tanh().sub(y).pow(2);
    const dw = jvp(loss, [tensor(w0), tensor(b0)], [tensor(1), tensor(0)]).tangent.item();
    const db = jvp(loss, [tensor(w0), tensor(b0)], [tensor(0), tensor(1)]).tangent.item();
    const w = tensor(w0, { requiresGrad: true });
    const b = tensor(b0, { requiresGrad: true });
    loss(w, b).backward();
    assert.ok(Math.abs(dw - (w.grad?.item() ?? Number.NaN)) < 1e-15);
    assert.ok(Math.abs(db - (b.grad?.item() ?? Number.NaN)) < 1e-15);
  });

  it("records no reverse graph: intermediates have no gradFn, even for inputs that require grad", () => {
    const seen: Tensor[] = [];
    const x = tensor([0.5, -1], { requiresGrad: true });
    const { value, tangent } = jvp(
      (v) => {
        const h = v.mul(2).tanh();
        seen.push(h);
        return h.sum();
      },
      [x],
      [tensor([1, 0])],
    );
    assert.equal(seen.length, 1);
    assert.equal(seen[0].gradFn, null, "the intermediate was not recorded");
    assert.equal(seen[0].requiresGrad, false);
    assert.equal(value.gradFn, null);
    assert.equal(tangent.gradFn, null);
    assert.ok(Math.abs(tangent.item() - 2 * (1 - Math.tanh(1) ** 2)) < 1e-15);
    assert.equal(x.grad, null, "the caller's tensor is left alone");
  });

  it("runs through a chain of 20,000 ops (nothing is kept but the current value)", () => {
    const { tangent } = jvp(
      (x) => {
        let h = x;
        for (let i = 0; i < 20_000; i++) h = h.mul(1.0001);
        return h;
      },
      [tensor(1)],
      [tensor(1)],
    );
    assert.ok(Math.abs(tangent.item() / 1.0001 ** 20_000 - 1) < 1e-9);
  });

  it("treats tensors from outside f, and tangents left by an earlier call, as constants", () => {
    let escaped: Tensor | null = null;
    jvp(
      (x) => {
        escaped = x.mul(3);
        return escaped;
      },
      [tensor(2)],
      [tensor(1)],
    );
    const c = escaped as unknown as Tensor; // carries a tangent of the first call
    const { tangent } = jvp((x) => x.mul(c), [tensor(5)], [tensor(1)]);
    assert.equal(tangent.item(), 6, "d/dx (x · c) = c, with c constant");
  });

  it("accepts numbers and nested arrays for inputs and tangents", () => {
    const { value, tangent } = jvp((x, y) => x.mul(y), [2, [1, 2]], [1, [0, 0]]);
    assert.deepEqual(value.toArray(), [2, 4]);
    assert.deepEqual(tangent.toArray(), [1, 2]);
  });

  it("gives a zero tangent for an output that does not depend on the inputs", () => {
    const { tangent } = jvp(() => tensor([1, 2]).mul(2), [tensor(1)], [tensor(1)]);
    assert.deepEqual(tangent.toArray(), [0, 0]);
  });

  it("checks its arguments: shapes, counts, nesting and in-place changes of a dual", () => {
    assert.throws(
      () => jvp((x) => x, [tensor([1, 2])], [tensor([1])]),
      /jvp: input 0 has shape \[2\] but its tangent has shape \[1\]/,
    );
    assert.throws(() => jvp((x) => x, [tensor(1)], []), /jvp: 1 inputs but 0 tangents/);
    assert.throws(
      () => jvp((x) => jvp((y) => y.mul(x), [x], [tensor(1)]).value, [tensor(1)], [tensor(1)]),
      /jvp: a jvp inside another jvp is not supported/,
    );
    assert.throws(
      () => jvp((x) => x.mul(1).addInPlace(1), [tensor(1)], [tensor(1)]),
      /addInPlace: inside jvp this tensor carries a tangent/,
    );
    assert.throws(
      () => jvp((x) => x, ["a" as unknown as Tensor], [tensor(1)]),
      /jvp: expected a Tensor, a number or nested arrays of numbers for input 0, found a string/,
    );
  });
});

describe("forward mode agrees with reverse mode on every tensor op", () => {
  for (const c of TENSOR_OP_CASES.filter((c) => !c.reverseOnly)) {
    it(c.name, () => {
      fc.assert(fc.property(c.arb, forwardMatchesReverse), {
        numRuns: 10,
        examples: (c.examples ?? []).map((e) => [e]),
      });
    });
  }
});
