import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  KIND_NAMES,
  NODE_SHAPES,
  type NodeShape,
  outlinePath,
  SHAPE_OVERHANG,
  shapeOverhang,
  shapePath,
  sideX,
} from "../../../src/graph/layout/node-shapes.ts";
import type { NodeKind } from "../../../src/graph/model/types.ts";

const KINDS: NodeKind[] = ["input", "parameter", "constant", "intermediate", "output"];

/** The vertices of a path made of M/L/H/V commands (polygons and square rectangles). */
function vertices(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) out.push([Number(m[1]), Number(m[2])]);
  return out;
}

describe("NODE_SHAPES and shapePath(kind, width, height)", () => {
  test("every kind has a shape, a closed outline and a name in the key", () => {
    for (const kind of KINDS) {
      assert.ok(NODE_SHAPES[kind], kind);
      assert.match(shapePath(kind, 80, 60), /^M.* Z$/);
      assert.ok(
        KIND_NAMES.some(([k]) => k === kind),
        kind,
      );
    }
  });

  test("the kinds are told apart by shape, not only by colour", () => {
    const input = JSON.stringify(NODE_SHAPES.input);
    const parameter = JSON.stringify(NODE_SHAPES.parameter);
    const constant = JSON.stringify(NODE_SHAPES.constant);
    const op = JSON.stringify(NODE_SHAPES.intermediate);
    assert.equal(new Set([input, parameter, constant, op]).size, 4);
  });

  test("no shape reaches further beyond its box than SHAPE_OVERHANG", () => {
    for (const kind of KINDS) {
      const reach = shapeOverhang(NODE_SHAPES[kind]);
      assert.ok(reach >= 0 && reach <= SHAPE_OVERHANG, kind);
      for (const [x] of vertices(shapePath(kind, 80, 60))) assert.ok(Math.abs(x) <= 40 + reach);
    }
  });
});

describe("sideX(shape, width, height, side, dy): where an edge meets the outline", () => {
  const w = 100;
  const h = 60;

  test("a square rectangle: its side, at any height", () => {
    const rect: NodeShape = { type: "rect", radius: 0 };
    for (const dy of [-30, -10, 0, 25]) {
      assert.equal(sideX(rect, w, h, 1, dy), 50);
      assert.equal(sideX(rect, w, h, -1, dy), -50);
    }
  });

  test("a rounded rectangle: its side, then into the corner's arc near the top", () => {
    const rounded: NodeShape = { type: "rect", radius: 8 };
    assert.equal(sideX(rounded, w, h, 1, 0), 50);
    assert.equal(sideX(rounded, w, h, 1, 22), 50); // 30 − 8: where the arc begins
    assert.equal(sideX(rounded, w, h, 1, 30), 42); // the very top: 50 − 8
    const mid = sideX(rounded, w, h, 1, 26);
    assert.ok(Math.abs((mid - 42) ** 2 + 4 ** 2 - 64) < 1e-9, "on the corner's circle");
  });

  test("an ellipse: on the ellipse, so an edge off centre ends inside the bounding box", () => {
    const ellipse: NodeShape = { type: "ellipse" };
    assert.equal(sideX(ellipse, w, h, -1, 0), -50);
    for (const dy of [-20, 8, 15]) {
      const x = sideX(ellipse, w, h, -1, dy);
      assert.ok(Math.abs((x / 50) ** 2 + (dy / 30) ** 2 - 1) < 1e-12);
      assert.ok(x > -50);
    }
  });

  test("a hexagon: its tip at mid-height, the box's corner at the top", () => {
    const hex: NodeShape = { type: "hexagon", tip: 6 };
    assert.equal(sideX(hex, w, h, 1, 0), 56);
    assert.equal(sideX(hex, w, h, -1, -30), -50);
    assert.equal(sideX(hex, w, h, 1, 15), 53);
  });

  test("a parallelogram: the slanted sides, matching the corners shapePath draws", () => {
    const shape = NODE_SHAPES.input;
    assert.equal(shape.type, "parallelogram");
    const corners = vertices(outlinePath(shape, w, h));
    for (const [x, y] of corners) {
      const side = x > 0 ? 1 : -1;
      assert.ok(Math.abs(sideX(shape, w, h, side, y) - x) < 1e-9, `${x},${y}`);
    }
    assert.equal(sideX(shape, w, h, 1, 0), 50);
  });

  test("a height beyond the outline is taken at the top or bottom", () => {
    const ellipse: NodeShape = { type: "ellipse" };
    assert.equal(sideX(ellipse, w, h, 1, 99), sideX(ellipse, w, h, 1, 30));
  });
});
