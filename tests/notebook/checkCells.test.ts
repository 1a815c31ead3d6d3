import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkCells } from "../../src/notebook/build/checkCells.ts";
import { parseJavaScript } from "../../src/notebook/build/parseJavaScript.ts";

const cells = (...codes: string[]) =>
  codes.map((code, i) =>
    parseJavaScript({
      id: `c${i + 1}`,
      code,
      position: { file: "p.md", line: 10 * (i + 1), column: 1 },
      inline: false,
      echo: false,
    }),
  );
const check = (...codes: string[]) =>
  checkCells(cells(...codes), new Set(["tensor"]), new Set(["Math"]));

describe("checkCells(cells, builtins, globals)", () => {
  it("accepts cells that use each other, built-ins and globals", () => {
    assert.deepEqual(check("const a = tensor(1);", "const b = a + Math.PI;", "b * 2"), []);
  });

  it("reports a name declared twice at the second declaration", () => {
    const [error] = check("const a = 1;", "let a = 2;");
    assert.deepEqual([error.line, error.column, error.cellId], [20, 5, "c2"]);
  });

  it("reports a reference to nothing", () => {
    const [error] = check("const a = nothing;");
    assert.equal(
      error.message,
      "`nothing` is not declared by any cell on this page and is not a built-in",
    );
  });

  it("reports declaring a built-in", () => {
    assert.match(check("const tensor = 1;")[0].message, /is a built-in/);
  });

  it("reports a cycle of three cells once", () => {
    const errors = check("const a = c;", "const b = a;", "const c = b;");
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /line 10 → line 30 → line 20 → line 10/);
  });

  it("lets a cell use its own declarations", () => {
    assert.deepEqual(check("const a = 1; const b = a + 1;"), []);
  });
});
