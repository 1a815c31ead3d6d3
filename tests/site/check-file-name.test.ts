import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CompileError, CompileErrors } from "../../src/notebook/compile/index.ts";
import { checkFileName } from "../../src/site/check-file-name.ts";
import { compilePages } from "../../src/site/compile-pages.ts";
import { OPTIONS } from "../notebook/compile/compile-fixture.ts";

describe("checkFileName(file)", () => {
  it("refuses file names that cannot be part of a page's address, and accepts any script", () => {
    for (const name of ['a"b.md', "a<b.md", "a#b.md", "a?b.md", "a%20b.md", "a b.md", "a'b.md"]) {
      assert.throws(
        () => checkFileName(`content/${name}`),
        (e: CompileError) =>
          e instanceof CompileError &&
          e.file === `content/${name}` &&
          e.line === 1 &&
          /cannot be part of a page's address/.test(e.message),
        name,
      );
    }
    for (const name of ["01-intro.md", "日本.md", "café.md", "a_b.c.md"]) {
      assert.doesNotThrow(() => checkFileName(`content/${name}`), name);
    }
  });

  it("fails the build at the file, or shows the error in its place in dev", () => {
    const sources = [
      {
        kind: "chapter" as const,
        file: "content/01-a#b.md",
        source: "---\ntitle: T\norder: 1\nsummary: S\n---\n",
      },
    ];
    assert.throws(
      () => compilePages(sources, OPTIONS),
      (e: CompileErrors) =>
        e instanceof CompileErrors &&
        /^content\/01-a#b\.md:1:1: the file name has `#`/.test(e.message),
    );
    const [page] = compilePages(sources, { ...OPTIONS, dev: true });
    assert.equal(page.page.failed, true);
  });
});
