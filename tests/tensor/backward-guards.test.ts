// What backward refuses and allows: a second pass through a used-up graph (PyTorch refuses it
// too) unless the first kept it, hooks on the gradient as it flows, and checked `.grad`.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tensor, zeros } from "../../src/index.ts";
import { gradOf, message } from "./helpers.ts";

describe("backward twice through the same graph", () => {
  it("is refused, with the fix in the message", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const loss = w.mul(w).sum();
    loss.backward();
    assert.equal(
      message(() => loss.backward()),
      'backward: trying to go backward through the graph a second time (at "sum"), but the ' +
        "first backward() used it up. Run the forward pass again before each backward() (in a " +
        "training loop, compute the loss inside the loop), or, to go through the same graph " +
        "twice on purpose, keep it the first time: loss.backward({ retainGraph: true }). " +
        "Gradients add up in .grad across calls, so zero them in between if you do not want the sum.",
    );
    assert.deepEqual(Array.from(gradOf(w).data), [2, 4], "the first pass's gradient is untouched");
  });

  it("is refused through a shared part of two graphs, as PyTorch", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const h = w.mul(3);
    h.sum().backward();
    assert.match(
      message(() => h.mean().backward()),
      /at "mul"/,
    );
  });

  it("works with { retainGraph: true }, the gradients adding up", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const loss = w.mul(w).sum();
    loss.backward({ retainGraph: true });
    loss.backward();
    assert.deepEqual(Array.from(gradOf(w).data), [4, 8]);
    const y = w.mul(2);
    y.backward(tensor([1, 1]), { retainGraph: true });
    y.backward(tensor([1, 1]));
  });

  it("checks the options by name", () => {
    const w = tensor(1, { requiresGrad: true });
    assert.equal(
      message(() => w.mul(2).backward({ retainGrap: true } as never)),
      'backward: unknown option "retainGrap" — the options are retainGraph and createGraph',
    );
    assert.equal(
      message(() => w.mul(2).backward(undefined, { retainGraph: 1 } as never)),
      "backward: retainGraph must be true or false, found the number 1",
    );
  });

  it("a fresh forward pass each time is the usual loop and works", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    for (let k = 0; k < 3; k++) {
      w.zeroGrad();
      w.mul(w).sum().backward();
    }
    assert.deepEqual(Array.from(gradOf(w).data), [2, 4]);
  });
});

describe("registerHook(fn)", () => {
  it("sees each gradient as it flows, and may replace it", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = x.mul(3);
    const seen: number[][] = [];
    h.registerHook((g) => {
      seen.push(Array.from(g.data));
    });
    const handle = x.registerHook((g) => g.mul(10));
    h.mul(h).sum().backward();
    assert.deepEqual(seen, [[6, 12]]);
    assert.deepEqual(Array.from(gradOf(x).data), [180, 360]);
    handle.remove();
    x.zeroGrad();
    x.mul(3).sum().backward();
    assert.deepEqual(Array.from(gradOf(x).data), [3, 3]);
  });

  it("refuses what is not a function, and a wrong replacement", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    assert.equal(
      message(() => x.registerHook(5 as never)),
      "registerHook: expected a function of the gradient, e.g. x.registerHook((g) => console.log(g)), found the number 5",
    );
    x.registerHook(() => zeros([3]));
    assert.equal(
      message(() => x.sum().backward()),
      "registerHook: a hook must return nothing or a Tensor of the gradient's shape [2], found a Tensor of shape [3]",
    );
  });
});

describe(".grad is checked when set", () => {
  it("takes a Tensor of the same shape, or null", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    w.grad = tensor([0.5, 0.5]);
    w.grad = null;
    assert.equal(
      message(() => {
        w.grad = [1, 2] as never;
      }),
      ".grad: expected a Tensor of this tensor's shape [2] (or null), found an array",
    );
    assert.equal(
      message(() => {
        w.grad = zeros([2, 1]);
      }),
      ".grad: expected a Tensor of this tensor's shape [2] (or null), found a Tensor of shape [2,1]",
    );
  });
});
