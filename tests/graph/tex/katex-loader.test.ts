import assert from "node:assert/strict";
import { test } from "node:test";
import { indexSteps, stepAt } from "../../../src/graph/model/step-index.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { equationHtml, needsKatex } from "../../../src/graph/render/equation-panel.ts";
import { katexNow, loadKatex } from "../../../src/graph/tex/katex-loader.ts";
import { leastSquares } from "../examples.ts";

// This file runs in its own process, so KaTeX starts out not loaded.
test("a step shown before KaTeX loads says so, then typesets once it has", async () => {
  const index = indexSteps(trace(leastSquares().loss));
  const step = stepAt(index, 1);
  assert.ok(step && needsKatex(step));
  assert.equal(needsKatex(stepAt(index, 0)), false, "the start has no equation to typeset");
  assert.equal(katexNow(), null);

  const before = equationHtml(step, "Forward 1 of 9");
  assert.match(before, /class="eq-pending"/);
  assert.match(before, /Forward 1 of 9/, "the caption shows while the equation is pending");
  assert.doesNotMatch(before, /class="katex"/);

  const katex = await loadKatex();
  assert.equal(katexNow(), katex);
  assert.equal(loadKatex(), loadKatex(), "one load, one promise");
  const after = equationHtml(step, "Forward 1 of 9");
  assert.doesNotMatch(after, /eq-pending/);
  assert.match(after, /class="katex"/);
  assert.match(after, /<annotation encoding="application\/x-tex">/);
});
