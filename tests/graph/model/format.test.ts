import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  formatEstimate,
  formatNumber,
  formatValues,
  texFactor,
  texNumber,
  texValues,
} from "../../../src/graph/model/format.ts";
import { labelFromName, texToPlain } from "../../../src/graph/model/labels.ts";
import { trace } from "../../../src/graph/model/trace.ts";
import { tensor } from "../../../src/index.ts";

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

describe("formatNumber / texNumber near a whole number", () => {
  test("a value rounding would show as a whole it is not gets the digits to tell them apart", () => {
    assert.equal(formatNumber(Math.tanh(6)), "0.99999"); // 0.99998771…
    assert.equal(texNumber(-Math.tanh(6)), "-0.99999");
    assert.equal(formatNumber(1.00004), "1.00004");
    assert.equal(formatNumber(2.99996), "2.99996");
    assert.equal(formatNumber(1234.56), "1234.6");
    assert.equal(formatNumber(1234.004), "1234.004");
  });

  test("closer than five decimals tell, it is the whole and its distance", () => {
    // tanh 12 = 1 − 7.55e−11, exactly: 1 − v has no rounding error for v in [0.5, 2].
    assert.equal(formatNumber(Math.tanh(12)), "1 − 7.55e−11");
    assert.equal(texNumber(Math.tanh(12)), "1 - 7.55\\times 10^{-11}");
    assert.equal(texNumber(-1.0000001), "-1 - 1\\times 10^{-7}");
    assert.equal(formatNumber(Math.tanh(12), 16), "0.9999999999244973"); // the table's form
    // As a factor it is one quantity.
    assert.equal(texFactor(Math.tanh(12)), "(1 - 7.55\\times 10^{-11})");
  });

  test("a whole but for Float64's rounding noise reads as the whole; the value is not changed", () => {
    const z = 1.2 * 1 + -0.2 + 2 ** -52; // 1 + 2.22e−16, as a chain of float ops leaves it
    assert.notEqual(z, 1);
    assert.equal(formatNumber(z), "1");
    assert.equal(texNumber(z), "1");
    assert.equal(formatNumber(1 - 2 ** -53), "1");
    assert.equal(formatNumber(-(3 + 4 * 2 ** -51)), "−3");
    assert.equal(texNumber(-(3 + 4 * 2 ** -51)), "-3");
    assert.equal(texFactor(1 + 2 ** -52), "1");
    assert.equal(formatValues({ shape: [2], data: [1 + 2 ** -52, 0.5] }), "[1, 0.5]");
    // Twelve digits draw the line: a distance of 1e−11 is told, one of 1e−14 is noise.
    assert.equal(formatNumber(1 - 1e-11), "1 − 1e−11");
    assert.equal(formatNumber(1 - 1e-14), "1");
    const t = trace(tensor(1.2, { requiresGrad: true, name: "a" }).add(-0.2 + 2 ** -52));
    assert.equal(t.forward[0]?.value.data[0], 1 + 2 ** -52, "the trace keeps the exact value");
    assert.match(t.forward[0]?.texNumeric ?? "", /= 1$/);
  });

  test("exact whole numbers, and wholes with more digits than shown, stay as they were", () => {
    assert.equal(formatNumber(1), "1");
    assert.equal(formatNumber(0), "0");
    assert.equal(formatNumber(-3), "−3");
    assert.equal(texNumber(2), "2");
    assert.equal(formatNumber(12345.6), "12350");
    assert.equal(formatNumber(0.5000001), "0.5"); // not whole: four digits as usual
  });

  test("an estimate is rounded plainly: a finite difference of 1 − 5.8e−11 reads 1", () => {
    assert.equal(formatEstimate(1 - 5.841e-11), "1");
    assert.equal(formatEstimate(-0.99998771), "−1");
    assert.equal(
      formatValues({ shape: [2], data: [1 - 5.841e-11, 0.5] }, 4, formatEstimate),
      "[1, 0.5]",
    );
  });

  test("a forward step of tanh 6 reads tanh 6 = 0.99999, not tanh 6 = 1", () => {
    const t = trace(tensor(6, { requiresGrad: true, name: "x" }).tanh());
    assert.match(t.forward[0]?.texNumeric ?? "", /\\tanh 6 = 0\.99999$/);
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
