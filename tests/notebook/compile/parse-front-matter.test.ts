import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFrontMatter } from "../../../src/notebook/compile/parse-front-matter.ts";
import { parseMacros } from "../../../src/notebook/compile/parse-macros.ts";

describe("parseFrontMatter(source, file)", () => {
  it("splits YAML from the body and counts the lines before it", () => {
    const split = parseFrontMatter(
      "---\ntitle: T\norder: 2\nsummary: S\nkind: lab\n---\n# Body\n",
      "f.md",
    );
    assert.deepEqual(split.frontMatter, { title: "T", order: 2, summary: "S", kind: "lab" });
    assert.equal(split.body, "# Body\n");
    assert.equal(split.lineOffset, 6);
  });

  it("says what is missing when there is no front matter", () => {
    assert.throws(
      () => parseFrontMatter("# Title\n", "f.md"),
      /f\.md|expected front matter between two `---` lines/,
    );
  });

  it("names a field of the wrong type and its line", () => {
    assert.throws(
      () => parseFrontMatter("---\ntitle: T\norder: two\nsummary: S\n---\n", "f.md"),
      (e: Error & { line: number }) =>
        e.line === 3 && e.message === 'front matter `order` should be a number, found "two"',
    );
  });

  it("takes `duration` in minutes, and names a bad one and its line", () => {
    const split = parseFrontMatter(
      "---\ntitle: T\norder: 2\nsummary: S\nduration: 50\n---\n",
      "f.md",
    );
    assert.equal(split.frontMatter.duration, 50);
    assert.throws(
      () =>
        parseFrontMatter("---\ntitle: T\norder: 2\nsummary: S\nduration: 50 min\n---\n", "f.md"),
      (e: Error & { line: number }) =>
        e.line === 5 && /`duration` should be the lecture's length in minutes/.test(e.message),
    );
  });

  it("reports invalid YAML", () => {
    assert.throws(
      () => parseFrontMatter("---\ntitle: [unclosed\n---\n", "f.md"),
      /front matter is not valid YAML/,
    );
  });
});

describe("parseMacros(source, file)", () => {
  it("reads \\newcommand lines, with and without arguments, skipping comments", () => {
    assert.deepEqual(
      parseMacros(
        "% shared\n\\newcommand{\\R}{\\mathbb{R}}\n\n\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}\n",
        "m.tex",
      ),
      {
        "\\R": "\\mathbb{R}",
        "\\pd": "\\frac{\\partial #1}{\\partial #2}",
      },
    );
  });

  it("rejects a line that is not a macro definition, with its line", () => {
    assert.throws(
      () => parseMacros("\\newcommand{\\R}{\\mathbb{R}}\n\\def\\x{1}\n", "m.tex"),
      (e: Error & { line: number }) => e.line === 2,
    );
  });
});
