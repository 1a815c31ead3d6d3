import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { expandNeurons } from "../../../src/graph/model/expand-neurons.ts";
import { indexSteps, stepAt } from "../../../src/graph/model/step-index.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { describeStep, stepCaption } from "../../../src/graph/render/describe-step.ts";
import { equationHtml } from "../../../src/graph/render/equation-panel.ts";
import { ledgerHtml } from "../../../src/graph/render/ledger.ts";
import { textAlternativeHtml } from "../../../src/graph/render/text-alternative.ts";
import { loadKatex } from "../../../src/graph/tex/katex-loader.ts";
import { mlp221, ridge } from "../examples.ts";

// The panel typesets with KaTeX once it has loaded (in the browser, when a view comes near).
await loadKatex();

/** `x`, which the test expects to exist. */
function must<T>(x: T | undefined): T {
  assert.ok(x !== undefined, "expected a value");
  return x;
}

describe("the panels beside the graph", () => {
  const t = trace(ridge().J);
  const index = indexSteps(t);
  const lookup = (id: string) => must(t.nodes.find((n) => n.id === id));
  const root = lookup(t.output);
  const w1 = must(t.nodes.find((n) => n.label === "w₁"));
  const w1Position = t.forward.length + 1 + t.backward.findIndex((s) => s.node === w1.id);

  test("ledgerHtml lists each edge's upstream × local = contribution and the running sum", () => {
    const html = ledgerHtml(stepAt(index, w1Position), root, lookup);
    assert.equal(html.match(/<tr data-edge=/g)?.length, 2);
    assert.match(html, /2 terms add up/);
    const step = must(t.backward.find((s) => s.node === w1.id));
    assert.match(
      html,
      new RegExp(`class="num total">${String(step.grad.data[0]).replace("-", "−")}<`),
    );
  });

  test("ledgerHtml for a forward step shows the inputs and the result", () => {
    const html = ledgerHtml(stepAt(index, 1), root, lookup);
    assert.match(html, /Computing/);
    assert.match(html, /argument 2/);
  });

  test("stepCaption and describeStep say where the stepper stands in words", () => {
    assert.equal(stepCaption(index, 0), "Start");
    assert.equal(stepCaption(index, 1), `Forward 1 of ${t.forward.length}`);
    const sentence = describeStep(index, w1Position, lookup);
    assert.match(
      sentence,
      /^Backward \d+ of \d+: gradient of J with respect to w₁ from .* and .*, the sum of 2 terms, value −?\d/,
    );
  });

  test("equationHtml typesets both lines with KaTeX, MathML included", () => {
    const html = equationHtml(stepAt(index, w1Position), "Backward");
    assert.equal(html.match(/<span class="katex">/g)?.length, 2);
    // Display style, set inline so a long line can wrap in a narrow box.
    assert.doesNotMatch(html, /katex-display/);
    assert.match(html, /<annotation encoding="application\/x-tex">\\displaystyle /);
    assert.match(html, /<math/);
    assert.doesNotMatch(html, /katex-error/);
  });

  test("every step's TeX typesets without a KaTeX error (ridge, 2-2-1 layers and neurons)", () => {
    for (const tr of [t, trace(mlp221().loss), trace(expandNeurons(mlp221().loss))]) {
      const idx = indexSteps(tr);
      for (let p = 1; p < idx.count; p++) {
        assert.doesNotMatch(equationHtml(stepAt(idx, p), ""), /katex-error/, `position ${p}`);
      }
    }
  });

  test("textAlternativeHtml has one row per node, values only once computed", () => {
    const start = textAlternativeHtml(index, 0, lookup);
    assert.equal(start.match(/<tr data-node=/g)?.length, t.nodes.length);
    assert.match(start, /not computed yet/);
    const end = textAlternativeHtml(index, index.count - 1, lookup);
    assert.doesNotMatch(end, /not computed yet/);
  });
});
