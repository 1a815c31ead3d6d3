import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, test } from "node:test";
import { layoutGraph } from "../../../src/graph/layout/layout-graph.ts";
import { indexSteps } from "../../../src/graph/model/step-index.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { renderSvg } from "../../../src/graph/render/render-svg.ts";
import { tensor } from "../../../src/tensor/index.ts";
import { leastSquares, mlp221 } from "../examples.ts";

// Snapshots are written only when a person asks for it: UPDATE_SNAPSHOTS=1 node --import tsx
// --test tests/graph/render-svg.test.ts, after looking at the difference.
const SNAPSHOT = "tests/fixtures/graph/least-squares.svg.snap";

/** The first element of `xs` that `pred` accepts; fails the test when there is none. */
function find<T>(xs: readonly T[], pred: (x: T) => boolean): T {
  const found = xs.find(pred);
  assert.ok(found !== undefined, "no such element");
  return found;
}

/** The markup of the node group with `data-node="id"`. */
function nodeGroup(svg: string, id: string): string {
  const start = svg.indexOf(`data-node="${id}"`);
  const open = svg.lastIndexOf("<g ", start);
  const end = svg.indexOf("</g></g>", start);
  return svg.slice(open, end + 8);
}

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

  test("each kind has its own outline: parallelogram, hexagon, disc, rounded box", () => {
    const svg = renderSvg(layout, { index, position: 0 });
    const outline = (kind: string): string => {
      const node = find(t.nodes, (n) => n.kind === kind);
      return /<path class="shape" d="([^"]*)"/.exec(nodeGroup(svg, node.id))?.[1] ?? "";
    };
    const corners = (d: string): number => (d.match(/L/g) ?? []).length + 1;
    assert.equal(corners(outline("input")), 4); // parallelogram
    assert.equal(corners(outline("parameter")), 6); // hexagon
    assert.match(outline("intermediate"), /A/); // rounded corners
    assert.notEqual(outline("input"), outline("parameter"));
    assert.match(nodeGroup(svg, t.output), /class="shape-inner"/); // the output's double border
  });

  test("every node has a halo path, lit by CSS for the current step only", () => {
    const svg = renderSvg(layout, { index, position: mid });
    assert.equal(svg.match(/class="halo"/g)?.length, t.nodes.length);
    assert.equal(svg.match(/class="node [^"]* current current-/g)?.length, 1);
  });

  test("the drawing has a title and a description; nodes are focusable buttons with names", () => {
    const svg = renderSvg(layout, { index, position: 0 });
    assert.match(
      svg,
      /^<svg [^>]*role="group"[^>]*><title>Computation graph of ℓ, 12 nodes<\/title><desc>Left to right: inputs y, x₁, x₂; parameters w₁, w₂, b;/,
    );
    assert.equal(svg.match(/role="button" tabindex="-1" aria-label="/g)?.length, t.nodes.length);
    const end = renderSvg(layout, { index, position: index.count - 1 });
    const w1 = find(t.nodes, (n) => n.label === "w₁");
    assert.match(nodeGroup(end, w1.id), /aria-label="w₁, parameter: value 0.5, gradient −?\d/);
    assert.match(nodeGroup(svg, w1.id), /aria-label="w₁, parameter: value 0.5"/);
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

  test("the id prefix names the arrow marker, so two drawings on a page do not share one", () => {
    const svg = renderSvg(layout, { index, position: 0, idPrefix: "graph-7" });
    assert.match(svg, /<marker id="graph-7-arrow"/);
    assert.match(svg, /marker-end="url\(#graph-7-arrow\)"/);
  });

  test("finite-difference estimates are drawn near nodes, mismatches flagged", () => {
    const [first, second] = t.nodes.filter((n) => n.grad).map((n) => n.id);
    const checks = new Map([
      [first ?? "", { estimate: [1], ok: true }],
      [second ?? "", { estimate: [2], ok: false }],
    ]);
    const svg = renderSvg(layout, { index, position: 0, checks });
    assert.equal(svg.match(/class="fd"/g)?.length, 1);
    assert.equal(svg.match(/class="fd mismatch"/g)?.length, 1);
  });

  test("the viewBox grows to hold finite-difference labels at the drawing's edges", () => {
    const m = trace(mlp221().loss);
    const mLayout = layoutGraph(m);
    const checks = new Map(
      m.nodes.map((n) => [n.id, { estimate: [...(n.grad?.data ?? [])], ok: true }] as const),
    );
    const svg = renderSvg(mLayout, { index: indexSteps(m), position: 0, checks });
    const [x0 = 1, y0 = 1, w = 0, h = 0] = (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? "")
      .split(" ")
      .map(Number);
    assert.ok(x0 <= 0 && y0 <= 0);
    assert.ok(x0 + w >= mLayout.width && y0 + h >= mLayout.height);
  });
});
