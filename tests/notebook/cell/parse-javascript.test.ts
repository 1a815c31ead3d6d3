import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CompileError } from "../../../src/notebook/cell/compile-error.ts";
import { parseJavaScript } from "../../../src/notebook/cell/parse-javascript.ts";

const at = { file: "content/x.md", line: 10, column: 1 };
const parse = (code: string, position = at) =>
  parseJavaScript({ id: "c1", code, position, inline: false, echo: false });
const names = (sites: { name: string }[]) => sites.map((s) => s.name);

describe("parseJavaScript(cell)", () => {
  it("treats a lone expression as displayed, declaring nothing", () => {
    const cell = parse("a + b * Math.PI");
    assert.equal(cell.expression, true);
    assert.deepEqual(names(cell.declarations), []);
    assert.deepEqual(names(cell.references), ["a", "b", "Math"]);
  });

  it("finds top-level declarations of every kind, destructuring included", () => {
    const cell = parse(
      "const a = 1, {b, c: [d, ...e]} = o;\nlet f;\nvar g = 2;\nfunction h() {}\nclass K {}",
    );
    assert.equal(cell.expression, false);
    assert.deepEqual(names(cell.declarations), ["a", "b", "d", "e", "f", "g", "h", "K"]);
    assert.deepEqual(names(cell.references), ["o"]);
  });

  it("places declarations and references at their Markdown line and column", () => {
    const cell = parse("const x = 1;\n  const y = z;");
    assert.deepEqual(
      cell.declarations.map((d) => [d.name, d.line, d.column]),
      [
        ["x", 10, 7],
        ["y", 11, 9],
      ],
    );
    assert.deepEqual(
      cell.references.map((d) => [d.name, d.line, d.column]),
      [["z", 11, 13]],
    );
  });

  it("offsets the first line by the cell's column (inline cells)", () => {
    const cell = parse("a + b", { file: "f.md", line: 3, column: 20 });
    assert.deepEqual(
      cell.references.map((d) => [d.line, d.column]),
      [
        [3, 20],
        [3, 24],
      ],
    );
  });

  it("does not count names declared in inner scopes, parameters or catch clauses", () => {
    const cell = parse(
      "function f(p, {q}) { const r = p + q + s; return [r].map((t) => t + u); }\ntry { v(); } catch (err) { w(err); }\nfor (const i of list) { i; }",
    );
    assert.deepEqual(names(cell.references), ["s", "u", "v", "w", "list"]);
  });

  it("counts a shadowed name once the inner scope ends", () => {
    const cell = parse("{ const n = 1; }\nn;");
    assert.deepEqual(names(cell.references), ["n"]);
  });

  it("does not take property names and object keys for references", () => {
    const cell = parse("({ key: value, [computed]: 1, short }).key.deeper");
    assert.deepEqual(names(cell.references), ["value", "computed", "short"]);
  });

  it("counts assignment to an outer name as a reference", () => {
    assert.deepEqual(names(parse("total = 3;\nconst z = 1;").references), ["total"]);
  });

  it("reads named function and class declarations alone in a cell as declarations", () => {
    assert.equal(parse("function helper() { return 1; }").expression, false);
    assert.deepEqual(names(parse("// comment first\nclass Model {}").declarations), ["Model"]);
    assert.equal(parse("(function () { return 1; })").expression, true);
  });

  it("marks a cell async when it awaits at top level only", () => {
    assert.equal(parse("const x = await fetchIt();").async, true);
    assert.equal(parse("const f = async () => await g();").async, false);
    assert.equal(parse("await Promise.resolve(1)").async, true);
  });

  it("reports a syntax error at its Markdown line and column", () => {
    assert.throws(
      () => parse("const a = 1;\nconst b = (a + ;"),
      (error: unknown) => {
        assert.ok(error instanceof CompileError);
        assert.deepEqual([error.file, error.line, error.column], ["content/x.md", 11, 16]);
        assert.match(error.message, /^syntax error in cell: Unexpected token$/);
        return true;
      },
    );
  });

  it("refuses import and export in a cell, saying the library is already there", () => {
    assert.throws(() => parse('import x from "y";'), /cells cannot import or export/);
  });

  it("places names on lines of a cell indented in a list at their file columns", () => {
    const cell = parseJavaScript({
      id: "c1",
      code: "const a = 1;\nconst b = zz;",
      position: { file: "f.md", line: 20, column: 3 },
      columns: [3, 3],
      inline: false,
      echo: false,
    });
    assert.deepEqual(
      cell.references.map((d) => [d.name, d.line, d.column]),
      [["zz", 21, 13]],
    );
  });

  it("lists the free names a cell assigns, and not its own or inner ones", () => {
    const cell = parse(
      "counter = counter + 1;\nlet own = 0; own++;\n[a, b] = pair;\nfor (item of list) {}\nx.y = 1;\n(() => { let inner; inner = 2; })();\ntotal += 1;",
    );
    assert.deepEqual(names(cell.assignments), ["counter", "a", "b", "item", "total"]);
  });
});
