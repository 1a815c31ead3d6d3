import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { obstacles, placeCheckLabels, type Rect } from "../../../src/graph/layout/check-labels.ts";
import { layoutGraph } from "../../../src/graph/layout/layout-graph.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import type { NodeBox } from "../../../src/graph/model/types.ts";
import { opCaption } from "../../../src/graph/render/op-caption.ts";
import { mlp221, ridge } from "../examples.ts";

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const request = (id: string, text: string) => ({
  id,
  oneLine: `fd ${text} ✓`,
  twoLines: ["fd ✓", text] as [string, string],
});

describe("placeCheckLabels(boxes, captions, requests)", () => {
  test("a label goes under its node when nothing is there", () => {
    const boxes: NodeBox[] = [{ id: "a", x: 100, y: 100, width: 80, height: 60 }];
    const placed = placeCheckLabels(boxes, new Map(), [request("a", "0.5")]).get("a");
    assert.ok(placed);
    assert.equal(placed.anchor, "middle");
    assert.ok(placed.rect.y >= 130, "below the node");
    assert.equal(placed.lines.length, 1);
  });

  test("a label that would sit on the node below moves aside or splits, and never overlaps", () => {
    const boxes: NodeBox[] = [
      { id: "a", x: 100, y: 100, width: 80, height: 60 },
      { id: "b", x: 100, y: 160, width: 200, height: 40 }, // right under a
    ];
    const placed = placeCheckLabels(boxes, new Map(), [request("a", "[0.1234, 0.5678]")]);
    const rect = placed.get("a")?.rect;
    assert.ok(rect);
    for (const o of obstacles(boxes, new Map()))
      assert.ok(!overlaps(rect, o), JSON.stringify(rect));
  });

  test("on the chapter graphs no label overlaps a node, a caption or another label", () => {
    for (const t of [trace(mlp221().loss), trace(ridge().J)]) {
      const layout = layoutGraph(t);
      const captions = new Map(t.nodes.map((n) => [n.id, n.op === "leaf" ? "" : opCaption(n)]));
      const requests = t.nodes
        .filter((n) => n.grad)
        .map((n) =>
          request(n.id, (n.grad?.data.length ?? 1) > 1 ? "[−0.1659, 0.1086]" : "−0.2934"),
        );
      const placed = [...placeCheckLabels(layout.nodes, captions, requests).values()];
      assert.equal(placed.length, requests.length);
      const blocked = obstacles(layout.nodes, captions);
      for (const [i, p] of placed.entries()) {
        for (const o of blocked)
          assert.ok(!overlaps(p.rect, o), `label over a node: ${JSON.stringify(p)}`);
        for (const q of placed.slice(i + 1))
          assert.ok(!overlaps(p.rect, q.rect), "two labels overlap");
      }
    }
  });
});
