import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  edgeClass,
  indexSteps,
  nodeClass,
  stepAt,
  touchedBetween,
} from "../../../src/graph/model/step-index.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { defined } from "../defined.ts";
import { ridge } from "../examples.ts";

describe("indexSteps(trace)", () => {
  const t = trace(ridge().J);
  const index = indexSteps(t);

  test("has one position per step plus the start", () => {
    assert.equal(index.count, t.forward.length + t.backward.length + 1);
    assert.equal(stepAt(index, 0), null);
    assert.equal(stepAt(index, 1), t.forward[0]);
    assert.equal(stepAt(index, index.count - 1), t.backward.at(-1));
  });

  test("leaves have values from the start; op nodes only after their forward step", () => {
    const leaf = defined(t.nodes.find((n) => n.op === "leaf"));
    assert.match(nodeClass(index, leaf.id, 0), /has-value/);
    const first = defined(t.forward[0]);
    assert.match(nodeClass(index, first.node, 0), /pending/);
    assert.match(nodeClass(index, first.node, 1), /has-value current current-forward/);
  });

  test("a backward step marks its node current, its children as sources and its edges active", () => {
    const p = t.forward.length + 3;
    const step = defined(stepAt(index, p));
    assert.equal(step.kind, "backward");
    if (step.kind !== "backward") return;
    assert.match(nodeClass(index, step.node, p), / has-grad current current-backward$/);
    for (const term of step.terms) {
      assert.match(nodeClass(index, term.child, p), /source source-backward/);
      assert.equal(edgeClass(index, term.edge, p), "edge active active-backward");
    }
  });

  test("touchedBetween covers every node and edge whose class differs", () => {
    for (const [from, to] of [
      [0, 1],
      [5, 4],
      [0, index.count - 1],
      [index.count - 1, 2],
      [7, 7],
    ] as const) {
      const touched = touchedBetween(index, from, to);
      for (const node of t.nodes) {
        if (nodeClass(index, node.id, from) !== nodeClass(index, node.id, to)) {
          assert.ok(touched.nodes.has(node.id), `${from}→${to}: ${node.id} missed`);
        }
      }
      for (const edge of t.edges) {
        if (edgeClass(index, edge.id, from) !== edgeClass(index, edge.id, to)) {
          assert.ok(touched.edges.has(edge.id), `${from}→${to}: ${edge.id} missed`);
        }
      }
    }
  });

  test("one step touches only a handful of nodes", () => {
    const touched = touchedBetween(index, 4, 5);
    assert.ok(touched.nodes.size <= 6, `${touched.nodes.size}`);
  });
});
