// The lecture's worked derivatives, computed by the engine.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { tensor } from "../../src/index.ts";
import { gradOf } from "./helpers.ts";

describe("linear least squares: ŷ = wᵀx + b, r = y − ŷ, ℓ = r²", () => {
  const x = tensor([1.5, -2, 0.5]);
  const y = tensor(3);
  const setup = () => ({
    w: tensor([0.2, 0.4, -1], { requiresGrad: true }),
    b: tensor(0.7, { requiresGrad: true }),
  });

  it("gives ∂ℓ/∂b = −2r and ∂ℓ/∂wⱼ = −2r·xⱼ", () => {
    const { w, b } = setup();
    const yHat = w.matmul(x).add(b);
    const r = y.sub(yHat);
    r.pow(2).backward();
    const rv = r.item(); // 3 − (0.3 − 0.8 − 0.5 + 0.7) = 3.3
    assert.ok(Math.abs(rv - 3.3) < 1e-12);
    assert.ok(Math.abs(gradOf(b).item() - -2 * rv) < 1e-12);
    (gradOf(w).toArray() as number[]).forEach((g, j) => {
      assert.ok(Math.abs(g - -2 * rv * x.data[j]) < 1e-12);
    });
  });

  it("ridge: J = ℓ + λwᵀw adds 2λwⱼ to each ∂J/∂wⱼ and nothing to ∂J/∂b", () => {
    const lambda = 0.1;
    const { w, b } = setup();
    const r = y.sub(w.matmul(x).add(b));
    r.pow(2).add(w.matmul(w).mul(lambda)).backward();
    const rv = r.item();
    (gradOf(w).toArray() as number[]).forEach((g, j) => {
      const expected = -2 * rv * x.data[j] + 2 * lambda * w.data[j];
      assert.ok(Math.abs(g - expected) < 1e-12, `∂J/∂w${j} = ${g}, expected ${expected}`);
    });
    assert.ok(Math.abs(gradOf(b).item() - -2 * rv) < 1e-12);
  });
});
