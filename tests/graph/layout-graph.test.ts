import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expandNeurons } from "../../src/graph/expand-neurons.ts";
import { DAGRE_LIMIT, layoutGraph, nodeSize } from "../../src/graph/layout-graph.ts";
import { trace } from "../../src/graph/trace.ts";
import { tensor } from "../../src/tensor/index.ts";
import { mlp221, ridge } from "./examples.ts";

describe("layoutGraph(trace)", () => {
  const t = trace(ridge().J);

  test("is deterministic: the same trace gives the same coordinates", () => {
    assert.deepEqual(layoutGraph(t), layoutGraph(trace(ridge().J)));
  });

  for (const [name, tr] of [
    ["ridge", t],
    ["mlp 2-2-1", trace(mlp221().loss)],
  ] as const) {
    test(`${name}: no two node boxes overlap`, () => {
      const { nodes } = layoutGraph(tr);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i]!;
          const b = nodes[j]!;
          const apart =
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
            Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
          assert.ok(apart, `${a.id} and ${b.id} overlap`);
        }
      }
    });
  }

  test("runs left to right: every edge ends to the right of where it starts", () => {
    const layout = layoutGraph(t);
    const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
    for (const e of t.edges) assert.ok(x.get(e.from)! < x.get(e.to)!, `${e.from} → ${e.to}`);
  });

  test("x.mul(x) gets two distinct edge paths", () => {
    const ex = ridge();
    const sq = trace(ex.w1.mul(ex.w1));
    const layout = layoutGraph(sq);
    assert.equal(layout.edges.length, 2);
    assert.notDeepEqual(layout.edges[0]!.points, layout.edges[1]!.points);
  });

  test("boxes are wide enough for their widest line and fit the drawing", () => {
    const layout = layoutGraph(t);
    for (const node of t.nodes) assert.ok(nodeSize(node).width >= 48);
    for (const box of layout.nodes) {
      assert.ok(box.x - box.width / 2 >= 0 && box.x + box.width / 2 <= layout.width + 0.5, box.id);
      assert.ok(
        box.y - box.height / 2 >= 0 && box.y + box.height / 2 <= layout.height + 0.5,
        box.id,
      );
    }
  });
});

describe('layoutGraph(trace, { engine: "layered" }) for large graphs', () => {
  const big = trace(expandNeurons(mlp221().loss));

  test("is deterministic, left to right, and has no overlapping nodes", () => {
    const layout = layoutGraph(big, { engine: "layered" });
    assert.deepEqual(layout, layoutGraph(big, { engine: "layered" }));
    const x = new Map(layout.nodes.map((n) => [n.id, n.x]));
    for (const e of big.edges) assert.ok(x.get(e.from)! < x.get(e.to)!, `${e.from} → ${e.to}`);
    const { nodes } = layout;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
          Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        assert.ok(apart, `${a.id} and ${b.id} overlap`);
      }
    }
    for (const box of nodes)
      assert.ok(box.y - box.height / 2 >= 0 && box.y + box.height / 2 <= layout.height);
  });

  test('"auto" uses dagre up to DAGRE_LIMIT nodes and the layered layout above', () => {
    assert.ok(big.nodes.length <= DAGRE_LIMIT);
    assert.notDeepEqual(layoutGraph(big).nodes, layoutGraph(big, { engine: "layered" }).nodes);
    let x = tensor(0.5, { requiresGrad: true, name: "x" });
    for (let k = 0; k < DAGRE_LIMIT / 2; k++) x = x.tanh().mul(x);
    const chain = trace(x);
    assert.ok(chain.nodes.length > DAGRE_LIMIT);
    assert.deepEqual(layoutGraph(chain), layoutGraph(chain, { engine: "layered" }));
  });

  test("x.mul(x) ends its two edges at different points", () => {
    const ex = ridge();
    const sq = trace(ex.w1.mul(ex.w1));
    const layout = layoutGraph(sq, { engine: "layered" });
    assert.notDeepEqual(layout.edges[0]!.points.at(-1), layout.edges[1]!.points.at(-1));
  });
});
