import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PORT_GAP, portOffsets, routeEdges, STUB } from "../../../src/graph/layout/edge-routes.ts";
import type { NodeBox, NodeKind, TraceEdge } from "../../../src/graph/model/types.ts";

/** The value, asserting that it is there (tests read arrays and maps they just built). */
function must<T>(value: T | undefined | null): T {
  assert.ok(value !== undefined && value !== null, "expected a value, found none");
  return value;
}

const box = (id: string, x: number, y: number): NodeBox => ({ id, x, y, width: 80, height: 60 });
const edge = (id: string, from: string, to: string, argIndex: number): TraceEdge => ({
  id,
  from,
  to,
  argIndex,
});

describe("portOffsets(count, height)", () => {
  test("one input arrives at mid-height; several are centred, top to bottom, PORT_GAP apart", () => {
    assert.deepEqual(portOffsets(1, 60), [0]);
    assert.deepEqual(portOffsets(2, 60), [-PORT_GAP / 2, PORT_GAP / 2]);
    const three = portOffsets(3, 60);
    assert.deepEqual(three, [-PORT_GAP, 0, PORT_GAP]);
  });

  test("many inputs squeeze together rather than leave the node's side", () => {
    const eight = portOffsets(8, 60);
    assert.ok(must(eight[0]) >= -18 && must(eight.at(-1)) <= 18);
  });
});

describe("routeEdges(boxes, kinds, raw)", () => {
  const boxes = new Map(
    [box("a", 50, 40), box("b", 50, 160), box("c", 200, 100)].map((b) => [b.id, b]),
  );
  const kinds = new Map<string, NodeKind>([
    ["a", "intermediate"],
    ["b", "constant"],
    ["c", "intermediate"],
  ]);

  test("arrivals follow the sources' heights, whatever the argument order", () => {
    // b (lower) is argument 0, a (upper) argument 1: a's edge still arrives above b's.
    const [fromB, fromA] = routeEdges(boxes, kinds, [
      { edge: edge("e0", "b", "c", 0), bends: [] },
      { edge: edge("e1", "a", "c", 1), bends: [] },
    ]);
    assert.ok(must(must(fromA).points.at(-1)).y < must(must(fromB).points.at(-1)).y);
  });

  test("ends are horizontal, reaching half way to the next point; bends are kept in between", () => {
    const bend = { x: 124, y: 10 };
    const [r] = routeEdges(boxes, kinds, [{ edge: edge("e0", "a", "c", 0), bends: [bend] }]);
    const p = must(r).points;
    assert.deepEqual(p[0], { x: 90, y: 40 });
    assert.deepEqual(p[1], { x: 90 + 17, y: 40 });
    assert.deepEqual(p[2], bend);
    assert.deepEqual(p.at(-1), { x: 160, y: 100 });
    assert.deepEqual(p.at(-2), { x: 160 - 18, y: 100 });
  });

  test("the horizontal ends stay between STUB.min (the arrowhead) and STUB.max", () => {
    const far = new Map([...boxes, ["d", box("d", 900, 40)]]);
    const near = new Map([...boxes, ["e", box("e", 142, 40)]]);
    const [long] = routeEdges(far, kinds, [{ edge: edge("e0", "a", "d", 0), bends: [] }]);
    const [short] = routeEdges(near, kinds, [{ edge: edge("e1", "a", "e", 0), bends: [] }]);
    assert.equal(must(must(long).points[1]).x - 90, STUB.max);
    assert.equal(must(must(short).points[1]).x - 90, STUB.min);
  });

  test("an edge from a disc starts on the disc", () => {
    const [r] = routeEdges(boxes, kinds, [{ edge: edge("e0", "b", "c", 0), bends: [] }]);
    assert.deepEqual(must(r).points[0], { x: 90, y: 160 });
  });

  test("an edge to a node that is not in the layout names it", () => {
    assert.throws(
      () => routeEdges(boxes, kinds, [{ edge: edge("e0", "a", "zz", 0), bends: [] }]),
      /edge end "zz" is not a node/,
    );
  });
});
