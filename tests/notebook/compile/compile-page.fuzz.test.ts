// Random Markdown, front matter and cells through the compiler: a page either compiles or
// fails with CompileError(s) at a file:line:col inside the file; nothing else ever escapes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CompileError, CompileErrors } from "../../../src/notebook/cell/compile-error.ts";
import { compilePage } from "../../../src/notebook/compile/compile-page.ts";
import { OPTIONS } from "./compile-fixture.ts";

const frontMatter = fc.oneof(
  fc.constant("---\ntitle: T\norder: 1\nsummary: S\n---\n"),
  fc.constant("\uFEFF---\ntitle: T\norder: 2\nsummary: S\n---\n"),
  fc.constant("---\ntitle: [unclosed\n---\n"),
  fc.constant("---\ntitle: T\norder: one\nsummary: S\n---\n"),
  fc.constant(""),
  fc
    .tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
    .map(([t, s]) => `---\ntitle: ${t}\norder: 3\nsummary: ${s}\n---\n`),
);

const code = fc.oneof(
  fc.constantFrom(
    "x = 1",
    "const a = 1;",
    "const a = b + 1;",
    "1 + ",
    "view(Inputs.range([0, 1]))",
    "for (;;) {}",
    "const {p, q} = {p: 1, q: 2};",
    "async function f() { await 1; }",
    "yield 1",
    "tex`x^2`",
    ["html`<b>$", "{1}</b>`"].join(""),
    "import x from 'y';",
    "return 3",
    "`unterminated",
  ),
  fc.string({ maxLength: 20 }),
);

const block = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "# Heading",
    "## $x^2$ heading",
    "- a\n  - b\n    - c",
    "> quote\n>> deeper",
    "$$\n\\frac{1}{2}\n$$",
    "$$\n\\frac{1}{\n$$",
    "$x_$",
    ["Inline $", "{1 + 1} value."].join(""),
    ["Inline $", "{ unclosed"].join(""),
    "---",
    "<div>html</div>",
    "<script>alert(1)</script>",
    "[link](01-other.md)",
    "[broken](#nowhere)",
    "::: notes\nspeaker notes\n:::",
    "\\eqref{eq:none}",
    "| a | b |\n| - | - |\n| 1 | 2 |",
  ),
  code.map((c) => `\`\`\`js\n${c}\n\`\`\``),
  fc
    .integer({ min: 50, max: 150 })
    .map((depth) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- ${i}`).join("\n")),
);

const page = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 8 }))
  .map(([front, blocks]) => `${front}${blocks.join("\n\n")}\n`);

describe("compilePage(source, file, options) on random pages", () => {
  it("compiles, or fails with CompileError(s) at a line and column inside the file", () => {
    fc.assert(
      fc.property(page, fc.boolean(), (source, dev) => {
        const lines = source.split("\n").length;
        const check = (e: { file: string; line: number; column: number }): void => {
          assert.equal(e.file, "fuzz.md");
          assert.ok(Number.isInteger(e.line) && e.line >= 1 && e.line <= lines, `line ${e.line}`);
          assert.ok(Number.isInteger(e.column) && e.column >= 1, `column ${e.column}`);
        };
        try {
          const compiled = compilePage(source, "fuzz.md", { ...OPTIONS, dev });
          for (const e of compiled.errors) check(e);
          for (const w of compiled.warnings ?? []) check(w);
        } catch (error) {
          if (error instanceof CompileErrors) for (const e of error.errors) check(e);
          else if (error instanceof CompileError) check(error);
          else throw error;
        }
      }),
      { numRuns: 80 },
    );
  });
});
