import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { codeOfCell } from "../../../src/notebook/cell/code-of-cell.ts";
import { parseJavaScript } from "../../../src/notebook/cell/parse-javascript.ts";
import { transpileCell } from "../../../src/notebook/cell/transpile-cell.ts";
import { compilePage } from "../../../src/notebook/compile/compile-page.ts";
import { compileEdit, type EditContext } from "../../../src/notebook/edit/compile-edit.ts";

const context: EditContext = {
  id: "c2",
  source: "content/05-chain-rule.md:59",
  declaredElsewhere: new Map([
    ["j", "content/05-chain-rule.md:54"],
    ["delta", "content/05-chain-rule.md:54"],
  ]),
  builtins: new Set(["tensor", "html", "Inputs"]),
  isGlobal: (name) => name === "Math",
};

describe("codeOfCell(definition)", () => {
  for (const code of ["1 + 2", "const a = 1;\nconst b = a + 1;\n", "console.log(1);", "x => x\n"])
    it(`reads back the code the build transpiled: ${JSON.stringify(code)}`, () => {
      const parsed = parseJavaScript({
        id: "c1",
        code,
        position: { file: "a.md", line: 3, column: 1 },
        inline: false,
        echo: false,
      });
      assert.equal(codeOfCell(transpileCell(parsed)), code);
    });

  it("reads back a chapter cell's code without the loop guard's calls the build put in", () => {
    const code = "let n = 0;\nwhile (n < 3) n++;\nfor (const k of [1]) { n += k; }";
    const { cells } = compilePage(
      `---\ntitle: T\norder: 1\nsummary: S\n---\n\n\`\`\`js\n${code}\n\`\`\`\n`,
      "a.md",
      {
        macros: {},
        builtins: new Set(),
        globals: new Set(),
      },
    );
    assert.match(cells[0].body, /__cellGuard\("c1",5000\)/);
    assert.equal(codeOfCell(cells[0]), `${code}\n`);
  });
});

describe("compileEdit(code, context)", () => {
  it("compiles as the build does: declarations out, page variables and built-ins in, loops guarded", () => {
    const result = compileEdit(
      "const M = tensor([[1]]);\nlet s = 0;\nfor (let i = 0; i < j; i++) s += Math.sqrt(i);",
      context,
    );
    assert.ok(result.ok);
    assert.deepEqual(result.cell.outputs, ["M", "s"]);
    assert.deepEqual(result.cell.inputs, ["tensor", "j"]);
    assert.equal(result.cell.line, 2);
    assert.equal(result.cell.source, "content/05-chain-rule.md:59");
    assert.match(result.cell.body, /__cellGuard\("c2"\)/);
    assert.equal(result.cell.insertions.length, 2);
  });

  it("places a syntax error at its line and column in the edited code", () => {
    const result = compileEdit("const a = 1;\nconst b = (a +;", context);
    assert.ok(!result.ok);
    assert.equal(result.errors[0].line, 2);
    assert.equal(result.errors[0].column, 15);
    assert.match(result.errors[0].message, /syntax error in cell: Unexpected token/);
  });

  it("says which names clash with the rest of the page, and which exist nowhere", () => {
    const result = compileEdit(
      "const j = 2;\ndelta = 3;\nconst tensor = 1;\nundefinedName + 1;",
      context,
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => `${e.line}:${e.column} ${e.message}`),
      [
        "1:7 `j` is already declared by the cell at line 54; each name may be declared by one cell only",
        "2:1 cannot assign to `delta`, which the cell at line 54 declares; a cell may only change its own variables",
        "3:7 `tensor` is a built-in; declaring it in a cell would hide it — choose another name",
        "4:1 `undefinedName` is not declared by any cell on this page and is not a built-in",
      ],
    );
  });
});
