import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isNumberTex, raise, times, transposed, unwrap } from "../../../src/graph/tex/tex-parts.ts";
import { ambiguousNegatives } from "../tex-checks.ts";

describe("TeX parts", () => {
  test("raise brackets what a power would split: (−0.5)², (a⁽¹⁾)², (w x)², but x² and [..]ᵀ", () => {
    assert.equal(raise("x", "2"), "x^{2}");
    assert.equal(raise("W_{1}", "\\top"), "W_{1}^{\\top}");
    assert.equal(raise("\\hat{y}", "2"), "\\hat{y}^{2}");
    assert.equal(raise("(-0.5)", "2"), "(-0.5)^{2}");
    assert.equal(raise("-0.5", "2"), "(-0.5)^{2}");
    assert.equal(raise("a^{(1)}", "2"), "(a^{(1)})^{2}");
    assert.equal(raise("w x", "2"), "(w x)^{2}");
    assert.equal(
      raise("\\begin{bmatrix}1 & -2\\end{bmatrix}", "\\top"),
      "\\begin{bmatrix}1 & -2\\end{bmatrix}^{\\top}",
    );
    assert.equal(
      raise("\\frac{\\partial \\ell}{\\partial z}", "\\top"),
      "\\left(\\frac{\\partial \\ell}{\\partial z}\\right)^{\\top}",
    );
  });

  test("a number is its own transpose; a symbol is not", () => {
    assert.equal(transposed("(-0.29)"), "(-0.29)");
    assert.equal(transposed("x"), "x^{\\top}");
    assert.ok(isNumberTex("(1.2\\times 10^{-5})"));
    assert.ok(!isNumberTex("2(a - b)"));
  });

  test("times juxtaposes symbols and puts a dot before a number", () => {
    assert.equal(times("W", "x"), "W x");
    assert.equal(times("2(a - b)", "0.5"), "2(a - b) \\cdot 0.5");
    assert.equal(times("[..]^{\\top}", "(-0.29)"), "[..]^{\\top} \\cdot (-0.29)");
    assert.equal(
      times("(-0.29)", "\\begin{bmatrix}1\\end{bmatrix}"),
      "(-0.29)\\, \\begin{bmatrix}1\\end{bmatrix}",
    );
  });

  test("unwrap drops only parentheses around the whole: (−0.3) → −0.3, (a)(b) stays", () => {
    assert.equal(unwrap("(-0.3)"), "-0.3");
    assert.equal(unwrap("(a)(b)"), "(a)(b)");
    assert.equal(unwrap("(\\hat{y}-y)^2"), "(\\hat{y}-y)^2");
  });
});

describe("ambiguousNegatives(tex), the check the trace tests use", () => {
  test("flags a negative after an operator or a factor, and a negative base", () => {
    assert.equal(
      ambiguousNegatives("\\begin{bmatrix}0.7 & -0.4\\end{bmatrix}^{\\top} -0.2934").length,
      1,
    );
    assert.equal(ambiguousNegatives("-0.2934 + -0.5").length, 1);
    assert.equal(ambiguousNegatives("\\ell = -0.5^{2}").length, 1);
    assert.equal(ambiguousNegatives("\\textstyle\\sum_{\\text{rows}} -0.28").length, 1);
  });

  test("accepts a subtraction, a bracketed negative, matrix entries and powers of ten", () => {
    assert.deepEqual(ambiguousNegatives("r = 1.5 - 1.2 = -0.3"), []);
    assert.deepEqual(ambiguousNegatives("(-0.5)^{2} \\cdot (-1)"), []);
    assert.deepEqual(
      ambiguousNegatives("\\begin{bmatrix}-0.3 & -0.4 \\\\ -1 & 2\\end{bmatrix}"),
      [],
    );
    assert.deepEqual(ambiguousNegatives("-7.121\\times 10^{-4}"), []);
  });
});
