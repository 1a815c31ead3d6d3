import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trace } from "../../../src/graph/index.ts";
import { chapter6Network, mlp221 } from "../examples.ts";

/** The labels of the backward steps, in the order the stepper shows them. */
function sweep(result: Parameters<typeof trace>[0]): string[] {
  const t = trace(result);
  const label = new Map(t.nodes.map((n) => [n.id, n.label]));
  return t.backward.map((s) => label.get(s.node) ?? s.node);
}

describe("sweepOutputToInput(nodes, output, steps)", () => {
  it("finishes chapter 6's backward pass at the first layer, each weight beside its layer", () => {
    const order = sweep(chapter6Network().loss);
    assert.equal(order.at(-1), "W⁽¹⁾");
    assert.ok(order.indexOf("W⁽²⁾") < order.indexOf("a₁"), order.join(" → "));
    assert.ok(order.indexOf("W⁽²⁾") < order.indexOf("b⁽¹⁾"), order.join(" → "));
  });

  it("shows every node after every node that uses it", () => {
    for (const result of [chapter6Network().loss, mlp221().loss]) {
      const t = trace(result);
      const at = new Map(t.backward.map((s, k) => [s.node, k]));
      for (const node of t.nodes) {
        for (const input of node.inputs) {
          const [a, b] = [at.get(node.id), at.get(input)];
          if (a !== undefined && b !== undefined)
            assert.ok(a < b, `${node.label} before its input`);
        }
      }
    }
  });
});
