import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inScheme, mergeConfig, OKABE_ITO, vegaLiteConfig } from "../../src/plots/palette.ts";

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

describe("vegaLiteConfig(theme)", () => {
  const theme = { text: "#111", muted: "#555", grid: "#ddd", background: "#fff", font: "serif" };
  /** WCAG contrast of two #rrggbb colours. */
  const contrast = (a: string, b: string): number => {
    const lum = (hex: string): number => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
    };
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  };

  it("draws a single series in a colour that reads on the page's background, light or dark", () => {
    const light = vegaLiteConfig(theme).mark as { color: string };
    const dark = vegaLiteConfig({ ...theme, background: "#16171b", dark: true }).mark as {
      color: string;
    };
    assert.equal(light.color, OKABE_ITO[4]);
    assert.ok(
      contrast(light.color, "#fdfdfb") >= 4.5,
      `light: ${contrast(light.color, "#fdfdfb")}`,
    );
    assert.ok(contrast(dark.color, "#16171b") >= 4.5, `dark: ${contrast(dark.color, "#16171b")}`);
    // The blue it replaces on the dark page does not reach that.
    assert.ok(contrast(OKABE_ITO[4], "#16171b") < 4.5);
  });
});
