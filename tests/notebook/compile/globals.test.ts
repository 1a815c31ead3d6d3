import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CONFUSING_GLOBALS, JAVASCRIPT_GLOBALS } from "../../../src/notebook/compile/globals.ts";

describe("JAVASCRIPT_GLOBALS", () => {
  it("holds the browser's globals, DOM classes included", () => {
    for (const name of [
      "HTMLInputElement",
      "HTMLDivElement",
      "SVGSVGElement",
      "Worker",
      "FileReader",
      "AudioContext",
      "document",
      "requestAnimationFrame",
      "Math",
      "Promise",
      "structuredClone",
    ])
      assert.ok(JAVASCRIPT_GLOBALS.has(name), name);
  });

  it("leaves out what exists only in Node", () => {
    for (const name of ["process", "Buffer", "setImmediate", "global", "require", "module"])
      assert.ok(!JAVASCRIPT_GLOBALS.has(name), name);
  });

  it("leaves out window properties named like a cell's own variables", () => {
    for (const name of ["name", "length", "status", "event", "top"]) {
      assert.ok(CONFUSING_GLOBALS.has(name));
      assert.ok(!JAVASCRIPT_GLOBALS.has(name), name);
    }
  });
});
