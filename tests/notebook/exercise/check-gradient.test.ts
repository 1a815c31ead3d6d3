import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Tensor, tensor } from "../../../src/core.ts";
import { checkGradient } from "../../../src/notebook/exercise/check-gradient.ts";

const sigmoid = (x: Tensor): Tensor => x.sigmoid();

describe("checkGradient({forward, backward, shapes})", () => {
  it("passes a correct backward rule of an elementwise op at every random point", () => {
    const result = checkGradient({
      forward: sigmoid,
      backward: (x, g) => {
        const s = x.sigmoid();
        return g.mul(s).mul(tensor(1).sub(s));
      },
      shapes: [[4]],
    });
    assert.equal(result.pass, true, result.message);
    assert.match(result.message, /matches autograd at 3 random points/);
  });

  it("names the entry that is off, by how much, with autograd and finite differences agreeing", () => {
    // The classic slip: forgetting the upstream gradient.
    const result = checkGradient({
      forward: sigmoid,
      backward: (x) => x.sigmoid().mul(tensor(1).sub(x.sigmoid())),
      shapes: [[3]],
      names: ["z"],
    });
    assert.equal(result.pass, false);
    assert.equal(result.input, "z");
    assert.deepEqual(result.index, [0]);
    assert.ok(result.autograd !== undefined && result.finiteDifference !== undefined);
    assert.ok(Math.abs(result.autograd - result.finiteDifference) < 1e-6);
    assert.match(
      result.message,
      /^∂L\/∂z\[0\] is off by [\d.e-]+: yours is [\d.e-]+, autograd gives -?[\d.e-]+ and finite differences -?[\d.e-]+, at z = \[.*\], upstream ∂L\/∂out = \[.*\]\.$/,
    );
  });

  it("checks a layer's gradients (x, W, b) and finds the one wrong entry of ∂L/∂W", () => {
    // out = W x + b, x [3, 1], W [2, 3], b [2, 1]
    const forward = (x: Tensor, W: Tensor, b: Tensor): Tensor => W.matmul(x).add(b);
    const right = (x: Tensor, W: Tensor, _b: Tensor, g: Tensor): Tensor[] => [
      W.transpose().matmul(g),
      g.matmul(x.transpose()),
      g,
    ];
    assert.equal(
      checkGradient({
        forward,
        backward: right,
        shapes: [
          [3, 1],
          [2, 3],
          [2, 1],
        ],
        names: ["x", "W", "b"],
      }).pass,
      true,
    );
    const wrong = (x: Tensor, W: Tensor, b: Tensor, g: Tensor): unknown[] => {
      const [dx, dW, db] = right(x, W, b, g);
      const entries = dW.toArray() as number[][];
      entries[1][2] += 0.5;
      return [dx, entries, db];
    };
    const result = checkGradient({
      forward,
      backward: wrong,
      shapes: [
        [3, 1],
        [2, 3],
        [2, 1],
      ],
      names: ["x", "W", "b"],
    });
    assert.equal(result.pass, false);
    assert.equal(result.input, "W");
    assert.deepEqual(result.index, [1, 2]);
    assert.match(result.message, /^∂L\/∂W\[1\]\[2\] is off by 0\.5:/);
  });

  it("says when a gradient has the wrong shape, the wrong count, or nothing comes back", () => {
    const forward = (x: Tensor, W: Tensor): Tensor => W.matmul(x);
    const transposed = checkGradient({
      forward,
      backward: (x, _W, g) => [x, g.matmul(x.transpose()).transpose()],
      shapes: [
        [3, 1],
        [2, 3],
      ],
      names: ["x", "W"],
    });
    assert.match(transposed.message, /your ∂L\/∂W has shape \[3, 2\], but W has shape \[2, 3\]/);
    const one = checkGradient({
      forward,
      backward: (_x, _W, g) => g,
      shapes: [
        [3, 1],
        [2, 3],
      ],
    });
    assert.match(one.message, /should return 2 gradients, one for each of x, y/);
    const none = checkGradient({ forward: sigmoid, backward: () => undefined, shapes: [[2]] });
    assert.match(none.message, /returned nothing/);
    const threw = checkGradient({
      forward: sigmoid,
      backward: () => {
        throw new Error("g is not defined");
      },
      shapes: [[2]],
    });
    assert.match(threw.message, /stopped with an error: g is not defined/);
  });

  it("accepts a plain number for a scalar input and nested arrays for a vector", () => {
    const square = checkGradient({
      forward: (x) => x.mul(x),
      backward: (x, g) => 2 * x.item() * g.item(),
      shapes: [[]],
    });
    assert.equal(square.pass, true, square.message);
    const relu = checkGradient({
      forward: (x) => x.relu(),
      backward: (x, g) => Array.from(x.data, (v, i) => (v > 0 ? g.data[i] : 0)),
      shapes: [[5]],
      points: 5,
    });
    assert.equal(relu.pass, true, relu.message);
  });

  it("tries the same points for the same seed", () => {
    const run = (seed: number) =>
      checkGradient({ forward: sigmoid, backward: (x) => x, shapes: [[2]], seed }).message;
    assert.equal(run(7), run(7));
    assert.notEqual(run(7), run(8));
  });
});
