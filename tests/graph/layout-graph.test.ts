import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { layoutGraph, nodeSize } from "../../src/graph/layout-graph.ts";
import { trace } from "../../src/graph/trace.ts";
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
