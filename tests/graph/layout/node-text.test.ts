import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  NODE_ITEMS,
  nodeLines,
  nodeSize,
  nodeTextLines,
  valueRows,
} from "../../../src/graph/layout/node-text.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { mlp221 } from "../examples.ts";

/** The value, asserting that it is there (tests read arrays and maps they just built). */
function must<T>(value: T | undefined | null): T {
  assert.ok(value !== undefined && value !== null, "expected a value, found none");
  return value;
}

describe("valueRows(values): the numbers a node shows", () => {
  test("a number; a row or 1-D vector of up to NODE_ITEMS entries on one line", () => {
    assert.equal(NODE_ITEMS, 4);
    assert.deepEqual(valueRows({ shape: [], data: [-0.25] }), ["−0.25"]);
    assert.deepEqual(valueRows({ shape: [1, 4], data: [1, 2, 3, 4] }), ["[1, 2, 3, 4]"]);
    assert.deepEqual(valueRows({ shape: [3], data: [1, 2, 3] }), ["[1, 2, 3]"]);
  });

  test("a column vector as a column, one entry a line", () => {
    assert.deepEqual(valueRows({ shape: [2, 1], data: [0.47, 0.28] }), ["[0.47]", "[0.28]"]);
  });

  test("a 2×2 matrix as two rows", () => {
    assert.deepEqual(valueRows({ shape: [2, 2], data: [0.5, -0.3, 0.2, 0.8] }), [
      "[0.5, −0.3]",
      "[0.2, 0.8]",
    ]);
  });

  test("more than NODE_ITEMS entries: the shape", () => {
    assert.deepEqual(valueRows({ shape: [3, 2], data: [1, 2, 3, 4, 5, 6] }), ["[3×2]"]);
  });
});

describe("nodeTextLines(node) and nodeSize(node)", () => {
  const t = trace(mlp221().loss);
  const W1 = must(t.nodes.find((n) => n.label === "W₁"));
  const z1 = must(t.nodes.find((n) => n.label === "z₁"));
  const z2 = must(t.nodes.find((n) => n.label === "z₂"));

  test("W⁽¹⁾ (2×2) shows its numbers and its gradient's, two rows each", () => {
    const lines = nodeTextLines(W1);
    assert.deepEqual(
      lines.map((l) => l.role),
      ["label", "value", "value", "grad", "grad"],
    );
    assert.equal(must(lines[1]).text, "[0.5, −0.3]");
    assert.match(must(lines[3]).text, /^∇\u2009\[/);
    for (let k = 1; k < lines.length; k++) assert.ok(must(lines[k]).y > must(lines[k - 1]).y);
    // The block is centred on the node.
    assert.ok(Math.abs(must(lines[0]).y + must(lines.at(-1)).y) < 20);
  });

  test("the one-line form puts a matrix's rows side by side", () => {
    assert.equal(nodeLines(W1).value, "[0.5, −0.3] [0.2, 0.8]");
    assert.equal(nodeLines(z1).grad.startsWith("∇\u2009["), true);
  });

  test("a box holds its lines: taller with more rows, wide enough for the widest", () => {
    assert.ok(nodeSize(W1).height > nodeSize(z2).height);
    for (const node of t.nodes) {
      const { width } = nodeSize(node);
      for (const line of nodeTextLines(node)) {
        const size = line.role === "label" ? 22 : 17;
        const ems = [...line.text].reduce((w, ch) => w + (ch === "\u2009" ? 0.25 : 0.6), 0);
        assert.ok(ems * size <= width, `${node.label}: ${line.text}`);
      }
    }
  });

  test("a constant is a small disc holding its number", () => {
    const half = must(t.nodes.find((n) => n.kind === "constant"));
    assert.equal(nodeSize(half).height, 48);
    assert.ok(nodeSize(half).width >= 48);
    assert.deepEqual(
      nodeTextLines(half).map((l) => l.role),
      ["value"],
    );
  });
});
