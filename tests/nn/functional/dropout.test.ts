import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { F, manualSeed, nn, ones, rng, tensor } from "../../../src/index.ts";
import { gradOf } from "../helpers.ts";

describe("F.dropout(x, p, training, rng)", () => {
  test("zeroes about a fraction p and scales the rest by 1/(1 − p)", () => {
    const y = F.dropout(ones([20000]), 0.25, true, rng(0));
    let zeros = 0;
    for (const v of y.data) {
      if (v === 0) zeros++;
      else assert.ok(Math.abs(v - 1 / 0.75) < 1e-15);
    }
    assert.ok(Math.abs(zeros / 20000 - 0.25) < 0.01, `dropped ${zeros / 20000}`);
  });

  test("keeps the mean of the units (inverted dropout)", () => {
    const y = F.dropout(ones([20000]), 0.5, true, rng(1));
    assert.ok(Math.abs(y.mean().item() - 1) < 0.03, `mean ${y.mean().item()}`);
  });

  test("is the identity when not training, or when p = 0", () => {
    const x = tensor([1, 2, 3]);
    assert.equal(F.dropout(x, 0.5, false), x);
    assert.equal(F.dropout(x, 0, true, rng(0)), x);
  });

  test("its gradient is the same mask", () => {
    const x = tensor(ones([1000]), { requiresGrad: true });
    const y = F.dropout(x, 0.3, true, rng(2));
    y.sum().backward();
    assert.deepEqual(Array.from(gradOf(x).data), Array.from(y.data));
  });

  test("replays exactly from the same seed", () => {
    const a = F.dropout(ones([50]), 0.5, true, rng(3)).data;
    const b = F.dropout(ones([50]), 0.5, true, rng(3)).data;
    assert.deepEqual(a, b);
  });

  test("without a generator draws from the default one, as PyTorch: manualSeed replays it", () => {
    manualSeed(11);
    const first = F.dropout(ones([200]), 0.5, true).toArray();
    const second = F.dropout(ones([200]), 0.5, true).toArray();
    assert.notDeepEqual(first, second, "two calls draw different masks");
    manualSeed(11);
    assert.deepEqual(F.dropout(ones([200]), 0.5, true).toArray(), first);
    manualSeed(11);
    assert.deepEqual(F.dropout(ones([200]), 0.5, true, rng(11)).toArray(), first, "= rng(11)");
  });
});

describe("nn.Dropout", () => {
  test("drops in training mode and passes everything through after eval()", () => {
    const layer = new nn.Dropout(0.5, { seed: 4 });
    const x = ones([200]);
    assert.ok(layer.forward(x).data.some((v) => v === 0));
    layer.eval();
    assert.equal(layer.forward(x), x);
    layer.train();
    assert.ok(layer.forward(x).data.some((v) => v === 0));
  });
});
