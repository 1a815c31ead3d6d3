// Forward mode agrees with reverse mode: for a scalar f, the jvp along t is ∇f · t; for a
// vector f, uᵀ(J t) = (Jᵀu)ᵀ t.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { jvp, type Tensor, tensor } from "../../src/index.ts";
import { concat, stack } from "../../src/tensor/ops/index.ts";
import { broadcastPairArb, filled } from "./helpers.ts";

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let k = 0; k < a.data.length; k++) s += a.data[k] * b.data[k];
  return s;
}

/** uᵀ J t from forward mode equals (Jᵀ u)ᵀ t from reverse mode. */
function agree(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[], seed: number): void {
  const tangents = inputs.map((x, i) => filled(x.shape, seed + 100 + i));
  const { value, tangent } = jvp(f, inputs, tangents);
  const u = filled(value.shape, seed + 200);
  const leaves = inputs.map((x) => tensor(x, { requiresGrad: true }));
  f(...leaves).backward(u.detach());
  const forward = dot(u, tangent);
  const reverse = leaves.reduce(
    (s, l, i) =>
      s + dot(l.grad ?? tensor(new Float64Array(l.data.length), { shape: l.shape }), tangents[i]),
    0,
  );
  assert.ok(
    Math.abs(forward - reverse) <= 1e-9 * Math.max(1, Math.abs(reverse)),
    `forward ${forward} vs reverse ${reverse}`,
  );
}

describe("jvp(f, inputs, tangents)", () => {
  it("returns f's value and the directional derivative (d/dx x³ along 1 is 3x²)", () => {
    const { value, tangent } = jvp((x) => x.pow(3), [tensor([1, 2])], [tensor([1, 1])]);
    assert.deepEqual(value.toArray(), [1, 8]);
    assert.deepEqual(tangent.toArray(), [3, 12]);
  });

  it("agrees with reverse mode on an MLP layer with a loss", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer(),
        (n, h, seed) => {
          const f = (x: Tensor, W: Tensor, b: Tensor) =>
            x.matmul(W.T).add(b).tanh().logSoftmax(1).sum(1);
          agree(f, [filled([n, 3], seed), filled([h, 3], seed + 1), filled([h], seed + 2)], seed);
        },
      ),
      { numRuns: 20 },
    );
  });

  it("agrees with reverse mode through every kind of op", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = filled([2, 3], seed),
          b = filled([3], seed + 1, { low: 0.5, high: 2 });
        agree(
          (x, y) => x.div(y).sub(y.sqrt()).mul(x.sigmoid()).max(1).add(x.exp().mean(1).relu()),
          [a, b],
          seed,
        );
        agree(
          (x, y) => x.pow(y).abs().leakyRelu(0.2).softmax(0).log().neg(),
          [a.abs().add(0.5), b],
          seed,
        );
        agree(
          (x) =>
            concat([x, x.T.reshape([2, 3])], 0)
              .narrow(1, 1, 2)
              .select(0, 1)
              .expand([2, 2]),
          [a],
          seed,
        );
        agree(
          (x, y) =>
            stack([x.index(0), y], 1)
              .clone()
              .sum(0, true)
              .matmul(y.narrow(0, 0, 2).unsqueeze(1)),
          [a, b],
          seed,
        );
      }),
      { numRuns: 20 },
    );
  });

  it("agrees with reverse mode on broadcasting binary ops", () => {
    fc.assert(
      fc.property(broadcastPairArb, fc.integer(), ([sa, sb], seed) => {
        const a = filled(sa, seed, { low: 0.5, high: 2 });
        const b = filled(sb, seed + 1, { low: 0.5, high: 2 });
        agree((x, y) => x.add(y).mul(y).sub(x.div(y)).add(x.pow(y)), [a, b], seed);
      }),
      { numRuns: 20 },
    );
  });

  it("gives a zero tangent for an output that does not depend on the inputs", () => {
    const { tangent } = jvp(() => tensor([1, 2]).mul(2), [tensor(1)], [tensor(1)]);
    assert.deepEqual(tangent.toArray(), [0, 0]);
  });

  it("checks that each tangent has its input's shape", () => {
    assert.throws(
      () => jvp((x) => x, [tensor([1, 2])], [tensor([1])]),
      /jvp: input 0 has shape \[2\] but its tangent has shape \[1\]/,
    );
  });
});
