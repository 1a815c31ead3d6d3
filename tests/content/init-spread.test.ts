// Chapter 8's "too small, too large, Xavier" demo, recomputed from its own cell for each choice:
// the prose under it says σ = 0.01 shrinks the activations about twelvefold a layer and leaves a
// gradient around 10⁻¹² at the first layer, σ = 1 makes the gradient roughly double per layer on
// the way back, and Xavier keeps both spreads within a small factor over all ten layers.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { noGrad, randn, rng, tensor } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

interface Row {
  layer: number;
  kind: string;
  std: number;
}

/** The cell's spreads by layer (1 to 10) for one choice of the radio. */
function spreads(initChoice: string): { act: number[]; grad: number[] } {
  const source = cellWith("content/08-training-in-practice.md", "const spread =");
  const builtins = {
    initChoice,
    noGrad,
    randn,
    rng,
    tensor,
    plots: { vegaLite: () => "" },
    html: () => "",
    display: () => undefined,
  };
  const rows = runCells<Row[]>(source, builtins, "spread");
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.std);
  return { act: of("activation h"), grad: of("gradient ∂ℓ/∂h") };
}

/** The geometric mean factor from one layer to the next, over ten layers. */
const perLayer = (values: number[]) => ((values[9] ?? 0) / (values[0] ?? 1)) ** (1 / 9);

describe("chapter 8: the spread of activations and gradients over ten tanh layers", () => {
  test("σ = 0.01: activations shrink about twelvefold a layer; the gradient is near 1e-12 at layer 1", () => {
    const { act, grad } = spreads("too small (σ = 0.01)");
    const shrink = 1 / perLayer(act);
    assert.ok(shrink > 11 && shrink < 14, `activations shrink ×${shrink} per layer`);
    assert.ok(grad[0] !== undefined && grad[0] < 1e-11 && grad[0] > 1e-14, `gradient ${grad[0]}`);
  });

  test("σ = 1: going back, the gradient roughly doubles per layer", () => {
    const { grad } = spreads("too large (σ = 1)");
    const growth = 1 / perLayer(grad);
    assert.ok(growth > 1.8 && growth < 2.5, `gradient grows ×${growth} per layer going back`);
  });

  test("Xavier: both spreads stay within a small factor across the ten layers", () => {
    const { act, grad } = spreads("Xavier");
    for (const [name, values] of [
      ["activations", act],
      ["gradients", grad],
    ] as const) {
      const ratio = Math.max(...values) / Math.min(...values);
      assert.ok(ratio < 4, `${name} spread over the layers by ×${ratio}: ${values}`);
    }
  });
});
