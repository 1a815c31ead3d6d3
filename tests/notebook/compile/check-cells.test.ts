import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { looseDeclarations, parseJavaScript } from "../../../src/notebook/cell/parse-javascript.ts";
import { checkCells } from "../../../src/notebook/compile/check-cells.ts";

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

  it("reports an assignment to another cell's variable, at the assignment", () => {
    const [error] = check("let counter = 0;", "counter = counter + 1;");
    assert.deepEqual([error.line, error.column, error.cellId], [20, 1, "c2"]);
    assert.match(error.message, /^cannot assign to `counter`, which the cell at line 10 declares/);
  });

  it("reports an assignment to a built-in, and allows one to the cell's own names", () => {
    assert.match(check("tensor = 1;")[0].message, /^cannot assign to `tensor`, a built-in/);
    assert.deepEqual(check("let n = 0;\nn += 1;\nn++;"), []);
  });

  it("says when an undeclared name would have read a window property", () => {
    assert.match(check("name.toUpperCase()")[0].message, /would read the browser's `window\.name`/);
  });

  it("counts what a cell with a syntax error declares, so its users are not blamed", () => {
    const broken = {
      id: "c1",
      code: "const before = (1 + ;",
      position: { file: "p.md", line: 10, column: 1 },
      inline: false,
      echo: false,
    };
    const failing = {
      ...broken,
      expression: false,
      declarations: looseDeclarations(broken),
      references: [],
      assignments: [],
      async: false,
    };
    assert.deepEqual(failing.declarations, [{ name: "before", line: 10, column: 7 }]);
    const [user] = cells("before * 2");
    assert.deepEqual(checkCells([failing, { ...user, id: "c2" }], new Set(), new Set()), []);
  });
});
