import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, test } from "node:test";
import { layoutGraph } from "../../src/graph/layout-graph.ts";
import { renderSvg } from "../../src/graph/render-svg.ts";
import { indexSteps } from "../../src/graph/step-index.ts";
import { trace } from "../../src/graph/trace.ts";
import { tensor } from "../../src/tensor/index.ts";
import { leastSquares } from "./examples.ts";

// Snapshots are written only when a person asks for it: UPDATE_SNAPSHOTS=1 node --import tsx
// --test tests/graph/render-svg.test.ts, after looking at the difference.
const SNAPSHOT = "tests/fixtures/graph/least-squares.svg.snap";

describe("renderSvg(layout, state)", () => {
  const t = trace(leastSquares().loss);
  const layout = layoutGraph(t);
  const index = indexSteps(t);
  const mid = t.forward.length + 3;

  test("matches the reviewed snapshot of the least-squares graph mid-backward", () => {
    const svg = renderSvg(layout, { index, position: mid });
    if (process.env.UPDATE_SNAPSHOTS === "1") writeFileSync(SNAPSHOT, `${svg}\n`);
    assert.ok(
      existsSync(SNAPSHOT),
      `no snapshot at ${SNAPSHOT}; a person writes it with UPDATE_SNAPSHOTS=1`,
    );
    assert.equal(`${svg}\n`, readFileSync(SNAPSHOT, "utf8"));
  });

  test("draws one group per node and one path per edge", () => {
    const svg = renderSvg(layout, { index, position: 0 });
    assert.equal(svg.match(/data-node="/g)?.length, t.nodes.length);
    assert.equal(svg.match(/data-edge="/g)?.length, t.edges.length);
  });

  test("kinds get different shapes: pill for parameters, square box for inputs", () => {
    const svg = renderSvg(layout, { index, position: 0 });
    const param = /<g class="node kind-parameter[^"]*"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "";
    const input = /<g class="node kind-input[^"]*"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "";
    assert.match(param, /<rect class="shape"[^>]* rx="/);
    assert.doesNotMatch(input, /<rect class="shape"[^>]* rx="/);
  });

  test("labels are escaped", () => {
    const a = tensor(1, { requiresGrad: true, name: "a<b" });
    const svg = renderSvg(layoutGraph(trace(a.mul(2))), {
      index: indexSteps(trace(a.mul(2))),
      position: 0,
    });
    assert.ok(svg.includes("a&#60;b"));
    assert.ok(!svg.includes("a<b"));
  });

  test("finite-difference estimates are drawn under nodes, mismatches flagged", () => {
    const [first, second] = t.nodes.filter((n) => n.grad);
    const checks = new Map([
      [first!.id, { estimate: [1], ok: true }],
      [second!.id, { estimate: [2], ok: false }],
    ]);
    const svg = renderSvg(layout, { index, position: 0, checks });
    assert.equal(svg.match(/class="fd"/g)?.length, 1);
    assert.equal(svg.match(/class="fd mismatch"/g)?.length, 1);
  });
});
