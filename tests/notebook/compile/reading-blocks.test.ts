import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CompileError, CompileErrors } from "../../../src/notebook/cell/compile-error.ts";
import { compilePage } from "../../../src/notebook/compile/compile-page.ts";
import { OPTIONS } from "./compile-fixture.ts";

const FRONT = "---\ntitle: T\norder: 1\nsummary: S\n---\n";

const compile = (body: string, front = FRONT) =>
  compilePage(front + body, "content/01-t.md", { ...OPTIONS, dev: false });

describe("::: reading blocks", () => {
  it("wrap their Markdown, cells included, in a reading-only div the deck leaves out", () => {
    const page = compile(
      "## Slide\n\nFor the room.\n\n::: reading\n\nThe *full* argument, $x^2$.\n\n```js\nconst a = 1;\n```\n\n:::\n\nAfter.\n",
    );
    assert.match(
      page.html,
      /<div class="reading-only">\n<p>The <em>full<\/em> argument, <span class="katex">[\s\S]*<div class="cell" data-cell="c1"[^>]*><\/div>\n<\/div>\n<p>After\.<\/p>/,
    );
    assert.equal(page.cells.length, 1, "a cell inside the block is a live cell like any other");
  });

  it("an unclosed block is a build error at its line", () => {
    assert.throws(
      () => compile("Intro.\n\n::: reading\n\nNever closed.\n"),
      (error: unknown) => {
        const list = error instanceof CompileErrors ? error.errors : [];
        assert.equal(list[0]?.line, 8);
        assert.match(list[0]?.message ?? "", /`::: reading` is never closed/);
        return true;
      },
    );
  });
});

describe("slide sources", () => {
  it("each slide names the file and line of its first block", () => {
    const page = compile("\n## One\n\nText.\n\n---\n\n\n## Two\n");
    const sources = [...page.html.matchAll(/data-source="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(sources, ["content/01-t.md:7", "content/01-t.md:14"]);
  });
});

describe("front matter aspect", () => {
  it("accepts 16:9, 16:10 and 4:3 written bare", () => {
    const page = compile("Text.\n", "---\ntitle: T\norder: 1\nsummary: S\naspect: 4:3\n---\n");
    assert.equal(page.frontMatter.aspect, "4:3");
  });

  it("names the line of any other shape", () => {
    assert.throws(
      () => compile("Text.\n", "---\ntitle: T\norder: 1\naspect: 3:2\nsummary: S\n---\n"),
      (error: unknown) => {
        assert.ok(error instanceof CompileError);
        assert.equal(error.line, 4);
        assert.match(error.message, /`aspect` should be 16:9, 16:10 or 4:3, found "3:2"/);
        return true;
      },
    );
  });
});

describe("::: columns blocks", () => {
  it("wrap their blocks in a slide-columns div, every block after the first in its side column", () => {
    const page = compile(
      "## Slide\n\n::: columns\n\n```js\nconst a = 1;\n```\n\nBeside it.\n\n- and this\n\n:::\n\nAfter.\n",
    );
    assert.match(
      page.html,
      /<div class="slide-columns">\n<div class="cell" data-cell="c1"[^>]*><\/div>\n<div class="slide-columns-side">\n<p>Beside it\.<\/p>\n<ul>\n<li>and this<\/li>\n<\/ul>\n<\/div>\n<\/div>\n<p>After\.<\/p>/,
    );
    assert.equal(page.cells.length, 1);
  });

  it("a first block of several tokens (a paragraph) stays whole on the left", () => {
    const page = compile("::: columns\n\nLeft *text*.\n\n```js\nconst a = 1;\n```\n\n:::\n");
    assert.match(
      page.html,
      /<div class="slide-columns">\n<p>Left <em>text<\/em>\.<\/p>\n<div class="slide-columns-side">\n<div class="cell"[^>]*><\/div>\n<\/div>\n<\/div>/,
    );
  });

  it("an unclosed block is a build error at its line", () => {
    assert.throws(
      () => compile("Intro.\n\n::: columns\n\nNever closed.\n"),
      (error: unknown) => {
        const list = error instanceof CompileErrors ? error.errors : [];
        assert.equal(list[0]?.line, 8);
        assert.match(list[0]?.message ?? "", /`::: columns` is never closed/);
        return true;
      },
    );
  });
});
