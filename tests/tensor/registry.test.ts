import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { NN_OPS } from "../../src/nn/functional/definitions.ts";
import { topologicalOrder } from "../../src/tensor/autograd.ts";
import { noGrad } from "../../src/tensor/grad-mode.ts";
import type { Notation } from "../../src/tensor/op-definition.ts";
import { opRegistry, TENSOR_OPS } from "../../src/tensor/registry.ts";
import type { Tensor } from "../../src/tensor/tensor.ts";
import { FUNCTIONAL_CASES } from "../nn/functional/op-cases.ts";
import { type OpCase, TENSOR_OP_CASES } from "./op-cases.ts";

const ALL = [...TENSOR_OPS, ...NN_OPS];
const REGISTRY = opRegistry(TENSOR_OPS, NN_OPS);

// Plain stand-ins: the test checks that every template produces text, not how it looks.
const PLAIN: Notation = {
  unwrap: (x) => x,
  raise: (b, p) => `${b}^{${p}}`,
  times: (a, b) => `${a} ${b}`,
  transposed: (x) => `${x}^T`,
  texNumber: String,
  formatNumber: String,
};

/** Every op node a case's computation records, with the tensor it produced. */
function recorded(cases: readonly OpCase[]): Tensor[] {
  const out: Tensor[] = [];
  for (const c of cases) {
    const instances = [...(c.examples ?? []), ...fc.sample(c.arb, { numRuns: 3, seed: 7 })];
    for (const { f, inputs } of instances) {
      const xs = inputs.map((x) => {
        const leaf = x.detach();
        leaf.requiresGrad = true;
        return leaf;
      });
      const y = f(...xs);
      for (const t of topologicalOrder(y)) if (t.gradFn) out.push(t);
    }
  }
  return out;
}

describe("the op registry (TENSOR_OPS, NN_OPS)", () => {
  test("lists each op once", () => {
    assert.equal(REGISTRY.size, ALL.length);
  });

  for (const def of ALL) {
    test(`${def.name} has every part: forward, rules (backward, forward mode), replay, TeX, words`, () => {
      assert.equal(typeof def.forward, "function", "forward");
      assert.ok(def.rules.length > 0, "at least one rule");
      for (const rule of def.rules) {
        assert.equal(typeof rule.vjp, "function", "backward (vjp)");
        assert.equal(typeof rule.jvp, "function", "forward mode (jvp)");
        assert.ok(rule.saves.length <= 3, "at most three saved tensors");
        if (def.elementwise) assert.equal(typeof rule.localGrad, "function", "local derivative");
      }
      assert.equal(typeof def.replay, "function", "replay");
      const a = ["a", "b", "c"];
      const attrs = { inputShapes: [[2], [2], [2]], outputShape: [2] };
      assert.ok(def.tex.forward(a, attrs, PLAIN).length > 0, "TeX of the forward");
      const local = def.tex.local(0, a, "y", attrs, PLAIN);
      if (local === null) {
        assert.ok(def.tex.term, "an op without an element-wise local derivative has a term");
        assert.ok(def.tex.term(0, "g", a, "y", attrs, PLAIN).length > 0, "TeX of the term");
      } else assert.ok(local.length > 0, "TeX of the local derivative");
      const words = typeof def.words === "function" ? def.words(attrs, PLAIN) : def.words;
      assert.ok(words[0].length > 0 && words[1].length > 0, "caption and name");
    });
  }

  test("the activations are the element-wise non-linearities a layer ends with", () => {
    const activations = ALL.filter((d) => d.activation).map((d) => d.name);
    assert.deepEqual(activations.sort(), ["leakyRelu", "relu", "sigmoid", "tanh"]);
  });

  test("every op the tensor and nn op tables record has a definition", () => {
    const missing = new Set<string>();
    for (const t of recorded([...TENSOR_OP_CASES, ...FUNCTIONAL_CASES])) {
      const op = t.gradFn?.op ?? "";
      if (!REGISTRY.has(op)) missing.add(op);
    }
    assert.deepEqual([...missing], [], `ops recorded without a definition: ${[...missing]}`);
  });

  test("replaying a recorded node with its inputs and attrs gives its value again", () => {
    const seen = new Set<string>();
    for (const t of recorded([...TENSOR_OP_CASES, ...FUNCTIONAL_CASES])) {
      const node = t.gradFn;
      const def = node && REGISTRY.get(node.op);
      if (!node || !def) continue;
      seen.add(def.name);
      const again = noGrad(() => def.replay(node.inputs, node.attrs));
      assert.deepEqual(again.shape, t.shape, `${def.name}: shape`);
      assert.deepEqual(Array.from(again.data), Array.from(t.data), `${def.name}: values`);
    }
    const unseen = ALL.map((d) => d.name).filter((name) => !seen.has(name));
    assert.deepEqual(unseen, [], "every definition is exercised by the op tables");
  });
});
