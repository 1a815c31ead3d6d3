// The ledger's "upstream × local = contribution" rows for ops whose local derivative is a
// matrix (matmul, linear), a reduction (sum, mean) or a loss (mseLoss): real numbers, the same
// ones the equation panel shows, and shapes beyond 4×4.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatMatrixLines } from "../../../src/graph/model/format.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import type { Trace } from "../../../src/graph/model/types.ts";
import { edgeLocal, transposedLabel } from "../../../src/graph/render/edge-local.ts";
import { ledgerHtml } from "../../../src/graph/render/ledger.ts";
import { nn } from "../../../src/index.ts";
import * as F from "../../../src/nn/functional/index.ts";
import { tensor } from "../../../src/tensor/index.ts";
import { defined } from "../defined.ts";
import { chapter6Network } from "../examples.ts";

function ledgerAt(t: Trace, label: string): string {
  const byId = new Map(t.nodes.map((n) => [n.id, n]));
  const lookup = (id: string) => defined(byId.get(id), id);
  const node = defined(
    t.nodes.find((n) => n.label === label),
    label,
  );
  const step = defined(
    t.backward.find((s) => s.node === node.id),
    `${label}'s backward step`,
  );
  return ledgerHtml(step, lookup(t.output), lookup);
}

/** The text of each cell of the ledger's first body row. */
function firstRow(html: string): string[] {
  const row = /<tbody><tr[^>]*>(.*?)<\/tr>/.exec(html)?.[1] ?? "";
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(
    (m) =>
      (m[1] ?? "")
        .replace(/<br>/g, "\n")
        .replace(/<[^>]+>/g, "")
        .replace(/&#39;/g, "'")
        .replace(/\u00a0/g, " "), // the ledger keeps "(W⁽²⁾)ᵀ g" from breaking
  );
}

describe("ledgerHtml(step) for chapter 6's 2-2-1 network", () => {
  const ex = chapter6Network();
  const t = trace(ex.loss, { names: ex.names });

  test("a⁽¹⁾ gets (W⁽²⁾)ᵀ g: upstream −0.2934, local (W⁽²⁾)ᵀ = [0.7; −0.4], contribution [−0.2053; 0.1173]", () => {
    const html = ledgerAt(t, "a⁽¹⁾");
    const [from, upstream, local, contribution, ...rest] = firstRow(html);
    assert.equal(from, "W⁽²⁾a⁽¹⁾ (arg 2)");
    assert.equal(upstream, "−0.2934");
    assert.equal(local, "(W⁽²⁾)ᵀ g\n(W⁽²⁾)ᵀ = [0.7; −0.4]");
    assert.equal(contribution, "[−0.2053; 0.1173]");
    // One term: no running-sum column, the total sits under the contribution.
    assert.deepEqual(rest, []);
    assert.match(html, /class="num total">\[−0\.2053; 0\.1173\]</);
    // The contribution is marked as the total (a slide's stacked ledger shows it once).
    assert.match(html, /class="num contribution is-total">\[−0\.2053; 0\.1173\]</);
  });

  test("W⁽¹⁾ gets g xᵀ, and its 2×2 contribution is written one row per line", () => {
    const [, upstream, local, contribution] = firstRow(ledgerAt(t, "W⁽¹⁾"));
    assert.equal(upstream, "[−0.1659; 0.1086]");
    assert.equal(local, "g xᵀ\nxᵀ = [1, 0.1]");
    assert.equal(contribution, "[−0.1659, −0.01659;\n 0.1086, 0.01086]");
  });

  test("ŷ gets 2(ŷ − y) · g from the squared error, with its value", () => {
    const [, upstream, local, contribution] = firstRow(ledgerAt(t, "ŷ"));
    assert.equal(upstream, "0.5");
    assert.equal(local, "2(ŷ − y) · g\n2(ŷ − y) = −0.6099");
    assert.equal(contribution, "−0.305");
  });

  test("no row anywhere says “(see equation)”; every contribution is the step's product", () => {
    const byId = new Map(t.nodes.map((n) => [n.id, n]));
    for (const step of t.backward) {
      const html = ledgerHtml(step, defined(byId.get(t.output)), (id) => defined(byId.get(id)));
      assert.doesNotMatch(html, /see equation/);
      for (const term of step.terms) {
        const lines = formatMatrixLines(term.product).join("<br>");
        const cls = step.terms.length > 1 ? "num contribution" : "num contribution is-total";
        assert.ok(html.includes(`class="${cls}">${lines}<`), `${step.node}: ${lines}`);
      }
    }
  });
});

describe("ledgerHtml(step) where terms add up", () => {
  test("a tensor used twice (x·x) shows both terms and the running sum after each", () => {
    const x = tensor(3, { requiresGrad: true, name: "x" });
    const html = ledgerAt(trace(x.mul(x)), "x");
    assert.match(html, /2 terms add up/);
    assert.deepEqual(html.match(/class="num running">[^<]*</g), [
      'class="num running">3<',
      'class="num running">6<',
    ]);
  });
});

describe("ledgerHtml(step) in a narrow box", () => {
  test("each number cell names its column, for the stacked rows of a phone", () => {
    const x = tensor(3, { requiresGrad: true, name: "x" });
    const html = ledgerAt(trace(x.mul(x)), "x");
    const labels = [...html.matchAll(/<td data-label="([^"]*)"/g)].map((m) => m[1]);
    const row = ["upstream g", "×\u00a0local", "=\u00a0contribution", "running sum"];
    assert.deepEqual(labels, [...row, ...row]);
  });

  test("symbols stay together but prose may wrap: “𝟏 g” unbroken, “(g copied to every entry)” not", () => {
    const a = tensor([-0.5, 0.25, 1], { requiresGrad: true, name: "a" });
    const html = ledgerAt(trace(a.sum()), "a");
    assert.match(html, /<span class="how">𝟏\u00a0g\u00a0\(g copied to every entry\)<\/span>/);
    const ex = chapter6Network();
    assert.match(
      ledgerAt(trace(ex.loss, { names: ex.names }), "ŷ"),
      /2\(ŷ\u00a0−\u00a0y\)\u00a0·\u00a0g/,
    );
  });
});

describe("edgeLocal(term, child, args): the local factor of other matrix ops", () => {
  const model = new nn.MLP([2, 2, 1], { activation: "tanh", seed: 3 });
  const t = trace(F.mseLoss(model.forward(tensor([[1, -1]], { name: "x" })), tensor([[0.5]])));

  test("nn.Linear: g W for its input, gᵀ x for its weight, g itself for a single row's bias", () => {
    assert.match(firstRow(ledgerAt(t, "a₁"))[2] ?? "", /^g W₂\nW₂ = \[/);
    assert.match(firstRow(ledgerAt(t, "W₁"))[2] ?? "", /^gᵀ x\nx = \[1, −1\]$/);
    assert.match(firstRow(ledgerAt(t, "b₁"))[2] ?? "", /^g\n1 = \[1, 1\]$/);
  });

  test("sum and mean: g copied to every entry, 1/n each for a mean", () => {
    const a = tensor([-0.5, 0.25, 1], { requiresGrad: true, name: "a" });
    assert.match(firstRow(ledgerAt(trace(a.sum()), "a"))[2] ?? "", /𝟏 = \[1, 1, 1\]/);
    assert.match(
      firstRow(ledgerAt(trace(a.mean()), "a"))[2] ?? "",
      /1\/3 = \[0\.3333, 0\.3333, 0\.3333\]/,
    );
  });

  test("beyond 4×4 the ledger shows shapes, as the equations do", () => {
    const W = tensor(
      Array.from({ length: 5 }, () => [1, 2, 3, 4, 5, 6]),
      { requiresGrad: true, name: "W" },
    );
    const cells = firstRow(
      ledgerAt(trace(W.matmul(tensor([[1], [0], [0], [0], [0], [1]])).sum()), "W"),
    );
    assert.equal(cells[3], "[5×6]");
  });

  test("a label with a superscript is bracketed before its transpose: (W⁽²⁾)ᵀ, but xᵀ and W₂ᵀ", () => {
    assert.equal(transposedLabel("W⁽²⁾"), "(W⁽²⁾)ᵀ");
    assert.equal(transposedLabel("x"), "xᵀ");
    assert.equal(transposedLabel("W₂"), "W₂ᵀ");
    assert.equal(transposedLabel("W₁x"), "(W₁x)ᵀ");
  });

  test("an element-wise edge keeps its numbers as the local factor", () => {
    const a = tensor(-0.5, { requiresGrad: true, name: "a" });
    const tt = trace(a.tanh());
    const term = defined(tt.backward[1]?.terms[0], "the tanh edge");
    const child = defined(tt.nodes.find((n) => n.id === term.child));
    const local = edgeLocal(term, child, []);
    assert.deepEqual(local.values, term.local);
  });
});
