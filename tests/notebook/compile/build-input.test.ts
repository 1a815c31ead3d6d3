// Awkward input the build meets in the wild: a byte-order mark, nesting past the parser's
// limit, YAML errors.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CompileError } from "../../../src/notebook/cell/compile-error.ts";
import { compilePage } from "../../../src/notebook/compile/compile-page.ts";
import { parseFrontMatter } from "../../../src/notebook/compile/parse-front-matter.ts";
import { OPTIONS } from "./compile-fixture.ts";

const FRONT = "---\ntitle: T\norder: 1\nsummary: S\n---\n";

describe("build input", () => {
  it("reads a file saved with a UTF-8 byte-order mark", () => {
    const split = parseFrontMatter(`\uFEFF${FRONT}# Hello\n`, "bom.md");
    assert.equal(split.frontMatter.title, "T");
    const page = compilePage(`\uFEFF${FRONT}# Hello\n`, "bom.md", OPTIONS);
    assert.match(page.html, /<h1[^>]*>Hello/);
  });

  it("names one line for a YAML error: the file's", () => {
    const error = (() => {
      try {
        parseFrontMatter("---\ntitle: T\norder: 1\nsummary: [unclosed\n---\n", "y.md");
      } catch (e) {
        return e as CompileError;
      }
      return assert.fail("no error");
    })();
    assert.ok(error instanceof CompileError);
    assert.equal(error.line, 4);
    assert.doesNotMatch(error.message, /line \d/);
    assert.match(error.message, /^front matter is not valid YAML: /);
  });

  it("warns, at its line, when nesting past the parser's limit leaves content out", () => {
    const list = Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
    const page = compilePage(`${FRONT}Intro.\n\n${list}\n`, "deep.md", OPTIONS);
    assert.equal(page.warnings?.length, 1);
    const [warning] = page.warnings ?? [];
    assert.equal(warning.file, "deep.md");
    assert.ok(warning.line > 8 && warning.line < 8 + 300, `line ${warning.line}`);
    assert.match(warning.message, /nested 100 levels deep/);
    const shallow = compilePage(`${FRONT}- a\n  - b\n`, "ok.md", OPTIONS);
    assert.equal(shallow.warnings, undefined);
  });
});
