// The outline of a node, by its kind: one table that the renderer draws from (shapePath) and
// the layout ends edges on (sideX), so an arrow touches the shape a reader sees, not its box.
import type { NodeKind } from "../model/types.ts";

/**
 * A node's outline around its box (width × height, centred on the node):
 * - `rect`: corners rounded by `radius` px (0 = square);
 * - `ellipse`: the ellipse inscribed in the box (a circle in a square box);
 * - `hexagon`: the box's top and bottom edges, with a point `tip` px beyond each side;
 * - `parallelogram`: the box slanted by `slant` px, its top edge shifted right (the flowchart's
 *   "data" symbol).
 * Hexagon and parallelogram reach up to `SHAPE_OVERHANG` px beyond the box on the left and right.
 */
export type NodeShape =
  | { readonly type: "rect"; readonly radius: number }
  | { readonly type: "ellipse" }
  | { readonly type: "hexagon"; readonly tip: number }
  | { readonly type: "parallelogram"; readonly slant: number };

/** How far a shape may reach beyond its box on the left and right, px. */
export const SHAPE_OVERHANG = 6;

/** The shape of each kind of node. */
export const NODE_SHAPES: Readonly<Record<NodeKind, NodeShape>> = {
  input: { type: "parallelogram", slant: SHAPE_OVERHANG }, // data
  parameter: { type: "hexagon", tip: SHAPE_OVERHANG }, // learnable: stays a hexagon when narrow
  constant: { type: "ellipse" }, // a small disc
  intermediate: { type: "rect", radius: 8 },
  output: { type: "rect", radius: 8 }, // with a second border inside (innerOutlinePath)
};

/** The kinds in the order a key lists them, with their names for a reader. */
export const KIND_NAMES: readonly (readonly [NodeKind, string])[] = [
  ["input", "input (data)"],
  ["parameter", "parameter (learned)"],
  ["constant", "constant"],
  ["intermediate", "intermediate"],
  ["output", "output"],
];

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** How far a shape reaches beyond its box on each of the left and right, px. */
export function shapeOverhang(shape: NodeShape): number {
  if (shape.type === "hexagon") return shape.tip;
  if (shape.type === "parallelogram") return shape.slant;
  return 0;
}

/** SVG path data of a node's outline, centred on (0, 0). */
export function shapePath(kind: NodeKind, width: number, height: number): string {
  return outlinePath(NODE_SHAPES[kind], width, height);
}

/** SVG path data of any shape in a width × height box centred on (0, 0). */
export function outlinePath(shape: NodeShape, width: number, height: number): string {
  const hw = width / 2;
  const hh = height / 2;
  const poly = (pts: [number, number][]): string =>
    `M${pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join(" L")} Z`;
  switch (shape.type) {
    case "rect":
      return roundedRectPath(hw, hh, Math.min(shape.radius, hw, hh));
    case "ellipse":
      return `M${r1(-hw)},0 A${r1(hw)},${r1(hh)} 0 1 0 ${r1(hw)},0 A${r1(hw)},${r1(hh)} 0 1 0 ${r1(-hw)},0 Z`;
    case "hexagon":
      return poly([
        [-hw, -hh],
        [hw, -hh],
        [hw + shape.tip, 0],
        [hw, hh],
        [-hw, hh],
        [-hw - shape.tip, 0],
      ]);
    case "parallelogram":
      return poly([
        [-hw + shape.slant, -hh],
        [hw + shape.slant, -hh],
        [hw - shape.slant, hh],
        [-hw - shape.slant, hh],
      ]);
  }
}

function roundedRectPath(hw: number, hh: number, r: number): string {
  if (r <= 0) return `M${r1(-hw)},${r1(-hh)} H${r1(hw)} V${r1(hh)} H${r1(-hw)} Z`;
  const arc = (x: number, y: number): string => `A${r1(r)},${r1(r)} 0 0 1 ${r1(x)},${r1(y)}`;
  return (
    `M${r1(-hw + r)},${r1(-hh)} H${r1(hw - r)} ${arc(hw, -hh + r)} V${r1(hh - r)} ` +
    `${arc(hw - r, hh)} H${r1(-hw + r)} ${arc(-hw, hh - r)} V${r1(-hh + r)} ${arc(-hw + r, -hh)} Z`
  );
}

/** The output's inner border, 4 px inside its outline. */
export function innerOutlinePath(width: number, height: number): string {
  return roundedRectPath(width / 2 - 4, height / 2 - 4, 5);
}

/**
 * Where the horizontal line at height `dy` (px from the centre) meets the left (`side` = -1)
 * or right (`side` = 1) of the outline: the x offset from the centre. A `dy` beyond the top or
 * bottom is taken at the top or bottom.
 */
export function sideX(
  shape: NodeShape,
  width: number,
  height: number,
  side: -1 | 1,
  dy: number,
): number {
  const hw = width / 2;
  const hh = height / 2;
  const y = Math.max(-hh, Math.min(hh, dy));
  switch (shape.type) {
    case "rect": {
      const r = Math.min(shape.radius, hw, hh);
      const into = Math.abs(y) - (hh - r); // how far into a rounded corner
      if (into <= 0 || r === 0) return side * hw;
      return side * (hw - r + Math.sqrt(Math.max(0, r * r - into * into)));
    }
    case "ellipse":
      return side * hw * Math.sqrt(Math.max(0, 1 - (y / hh) ** 2));
    case "hexagon":
      return side * (hw + shape.tip * (1 - Math.abs(y) / hh));
    case "parallelogram":
      // The right side runs from (hw + slant, -hh) to (hw - slant, hh); the left one likewise.
      return side * hw - (shape.slant * y) / hh;
  }
}
