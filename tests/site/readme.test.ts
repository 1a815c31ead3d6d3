import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { compilePage } from "../../src/notebook/compile/compile-page.ts";
import {
  JAVASCRIPT_GLOBALS,
  LIBRARY_BUILTINS,
  MODULE_BUILTINS,
  STANDARD_BUILTINS,
} from "../../src/notebook/compile/globals.ts";

describe("README.md", () => {
  it("shows an example chapter that compiles: cells, math, labels, slides and notes", () => {
    const readme = readFileSync("README.md", "utf8");
    const example = /````markdown\n([\s\S]*?)\n````/.exec(readme)?.[1];
    assert.ok(example, "the README has a ````markdown example");
    const page = compilePage(example, "README.md", {
      macros: {},
      builtins: new Set([...STANDARD_BUILTINS, ...LIBRARY_BUILTINS, ...MODULE_BUILTINS]),
      globals: JAVASCRIPT_GLOBALS,
    });
    assert.equal(page.slideCount, 2);
    assert.match(page.html, /<aside class="notes"/);
    assert.match(page.html, /href="#eq-chain">\(5\.1\)</);
    assert.deepEqual(
      page.cells.map((c) => c.outputs),
      [["x"], [], ["t", "y"]],
    );
  });
});
