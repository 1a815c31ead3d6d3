import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nn, tensor } from "../../../src/index.ts";
import { describe as describeValue } from "../../../src/notebook/client/inspect.ts";

describe("describe(value, depth): a cell's value as text", () => {
  it("shows an nn module as PyTorch prints it, not as its fields", () => {
    const model = new nn.Sequential(new nn.Linear(2, 3, { seed: 0 }), new nn.Tanh());
    assert.equal(
      describeValue(model, 0),
      "Sequential(\n  (0): Linear(inFeatures=2, outFeatures=3, bias=true)\n  (1): Tanh()\n)",
    );
    assert.equal(describeValue([new nn.MSELoss()], 0), "[MSELoss()]");
  });

  it("still shows tensors and plain objects as before", () => {
    assert.equal(describeValue(tensor([1, 2]), 0), "tensor([1, 2], shape [2])");
    assert.equal(describeValue({ a: 1 }, 0), "{a: 1}");
  });
});
