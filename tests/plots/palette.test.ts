import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inScheme } from "../../src/plots/palette.ts";

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
