import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { trace } from "../../../src/graph/model/trace.ts";
import { buildModel, mapPosition, neuronsApply } from "../../../src/graph/view/graph-model.ts";
import { tensor } from "../../../src/tensor/index.ts";
import { leastSquares, mlp221 } from "../examples.ts";

describe("buildModel(result, options, neurons)", () => {
  test("the neuron model of the 2-2-1 network has more nodes and the same loss", () => {
    const layers = buildModel(mlp221().loss, {}, false);
    const neurons = buildModel(mlp221().loss, {}, true);
    assert.ok(neurons.trace.nodes.length > layers.trace.nodes.length);
    assert.deepEqual(neurons.output.value.data, layers.output.value.data);
    assert.equal(neurons.neurons, true);
  });

  test("lookup names a missing node in its error", () => {
    const m = buildModel(leastSquares().loss, {}, false);
    assert.throws(() => m.lookup("n999"), /no node "n999"/);
  });
});

describe("neuronsApply(trace)", () => {
  test("offered for a small MLP, not for scalar graphs or wide layers", () => {
    assert.equal(neuronsApply(trace(mlp221().loss)), true);
    assert.equal(neuronsApply(trace(leastSquares().loss)), false); // already one node per number
    const W = tensor(
      Array.from({ length: 9 }, (_, i) => [i / 10]),
      { requiresGrad: true },
    );
    const wide = W.mul(W).sum(); // a [9, 1] tensor: more than 8 units
    assert.equal(neuronsApply(trace(wide)), false);
  });
});

describe("mapPosition(from, to, position)", () => {
  const layers = buildModel(mlp221().loss, {}, false).index;
  const neurons = buildModel(mlp221().loss, {}, true).index;
  const f1 = layers.trace.forward.length;
  const f2 = neurons.trace.forward.length;

  test("start, end of the forward pass and end map onto each other", () => {
    assert.equal(mapPosition(layers, neurons, 0), 0);
    assert.equal(mapPosition(layers, neurons, f1), f2);
    assert.equal(mapPosition(layers, neurons, layers.count - 1), neurons.count - 1);
    assert.equal(mapPosition(neurons, layers, f2), f1);
  });

  test("a position inside a pass stays inside the same pass", () => {
    for (let p = 1; p < layers.count - 1; p++) {
      const q = mapPosition(layers, neurons, p);
      assert.equal(p <= f1, q <= f2, `position ${p} → ${q}`);
      assert.ok((q >= 1 && q < neurons.count - 1) || p === layers.count - 1);
    }
  });
});
