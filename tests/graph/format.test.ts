import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatNumber, formatValues, texNumber, texValues } from "../../src/graph/format.ts";
import { labelFromName, texToPlain } from "../../src/graph/labels.ts";

describe("formatNumber / texNumber", () => {
  test("round to four significant digits and drop trailing zeros", () => {
    assert.equal(formatNumber(0.123456), "0.1235");
    assert.equal(formatNumber(2.5), "2.5");
    assert.equal(formatNumber(-1.6), "−1.6");
    assert.equal(formatNumber(-0), "0");
    assert.equal(texNumber(-1.6), "-1.6");
  });

  test("very small and very large numbers use powers of ten", () => {
    assert.equal(texNumber(2.775557e-17), "2.776\\times 10^{-17}");
    assert.equal(formatNumber(123456789), "1.235e8");
  });
});

describe("texValues / formatValues", () => {
  test("a scalar and a 1×1 tensor are plain numbers", () => {
    assert.equal(texValues({ shape: [], data: [0.5] }), "0.5");
    assert.equal(texValues({ shape: [1, 1], data: [0.5] }), "0.5");
  });

  test("up to 4×4 is a bmatrix, larger is its shape", () => {
    assert.equal(
      texValues({ shape: [2, 1], data: [1, 0.1] }),
      "\\begin{bmatrix}1 \\\\ 0.1\\end{bmatrix}",
    );
    assert.equal(
      texValues({ shape: [5, 2], data: new Array(10).fill(0) }),
      "\\left[\\,5{\\times}2\\,\\right]",
    );
  });

  test("plain text lists a few entries, else the shape", () => {
    assert.equal(formatValues({ shape: [2, 2], data: [1, 2, 3, 4] }), "[1, 2; 3, 4]");
    assert.equal(formatValues({ shape: [2, 2], data: [1, 2, 3, 4] }, 2), "[2×2]");
  });
});

describe("labelFromName(name)", () => {
  test("reads names the way a lecturer writes them", () => {
    assert.deepEqual(labelFromName("W1"), { label: "W₁", tex: "W_{1}" });
    assert.deepEqual(labelFromName("yhat"), { label: "ŷ", tex: "\\hat{y}" });
    assert.deepEqual(labelFromName("ŷ"), { label: "ŷ", tex: "\\hat{y}" });
    assert.deepEqual(labelFromName("lambda"), { label: "λ", tex: "\\lambda" });
    assert.deepEqual(labelFromName("loss"), { label: "loss", tex: "\\mathrm{loss}" });
  });

  test("TeX names are kept and given a plain-text twin", () => {
    assert.deepEqual(labelFromName("W^{(2)}"), { label: "W⁽²⁾", tex: "W^{(2)}" });
    assert.equal(texToPlain("\\hat{y}_{1}"), "ŷ₁");
  });
});
