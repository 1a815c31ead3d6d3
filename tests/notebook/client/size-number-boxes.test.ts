import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { numberChars } from "../../../src/notebook/client/size-number-boxes.ts";

describe("numberChars(input)", () => {
  it("fits the widest of min, max and value", () => {
    assert.equal(numberChars({ min: "10", max: "50000", step: "10", value: "10000" }), 5);
    assert.equal(numberChars({ min: "-2", max: "2", step: "0.01", value: "0.5" }), 5); // -2.00
  });
  it("writes values with the step's decimals, small steps included", () => {
    assert.equal(numberChars({ min: "0", max: "0.05", step: "0.001", value: "0.02" }), 5);
    assert.equal(numberChars({ min: "0", max: "1", step: "1e-7", value: "0" }), 8);
  });
  it("keeps a floor of three characters and copes with open ranges", () => {
    assert.equal(numberChars({ min: "", max: "", step: "any", value: "1" }), 3);
  });
});
