import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inScheme, mergeConfig } from "../../src/plots/palette.ts";

describe("inScheme(value, dark)", () => {
  it("takes light-dark()'s light or dark colour, as the page's colour scheme does", () => {
    assert.equal(inScheme("light-dark(#fdfdfb, #16171b)", false), "#fdfdfb");
    assert.equal(inScheme("light-dark(#fdfdfb, #16171b)", true), "#16171b");
    assert.equal(inScheme("light-dark( #fff ,#000 )", true), "#000");
  });

  it("leaves any other value as it is", () => {
    assert.equal(inScheme("#1d1d21", true), "#1d1d21");
    assert.equal(inScheme("system-ui, sans-serif", false), "system-ui, sans-serif");
    assert.equal(inScheme("", false), "");
  });
});

describe("mergeConfig(base, own)", () => {
  const base = {
    background: null,
    legend: { labelFontSize: 12, titleFontSize: 13, labelColor: "#111" },
    range: { category: ["#000", "#fff"] },
  };

  it("merges each block a spec sets into the page's block of that name", () => {
    const merged = mergeConfig(base, { legend: { orient: "top", labelFontSize: 14 } });
    assert.deepEqual(merged.legend, {
      labelFontSize: 14,
      titleFontSize: 13,
      labelColor: "#111",
      orient: "top",
    });
    assert.deepEqual(merged.range, base.range);
  });

  it("replaces values that are not blocks, and keeps the page's config without a spec's", () => {
    assert.deepEqual(mergeConfig(base, { background: "#fff", range: { category: ["#f00"] } }), {
      ...base,
      background: "#fff",
      range: { category: ["#f00"] },
    });
    assert.deepEqual(mergeConfig(base, undefined), base);
    assert.deepEqual(base.legend, { labelFontSize: 12, titleFontSize: 13, labelColor: "#111" });
  });
});
