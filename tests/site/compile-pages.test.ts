import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CompileErrors,
  JAVASCRIPT_GLOBALS,
  STANDARD_BUILTINS,
} from "../../src/notebook/compile/index.ts";
import { compilePages } from "../../src/site/compile-pages.ts";
import type { PageSource } from "../../src/site/discover-pages.ts";

const options = (dev: boolean) => ({
  macros: {},
  builtins: new Set<string>(STANDARD_BUILTINS),
  globals: JAVASCRIPT_GLOBALS,
  dev,
});
const page = (kind: PageSource["kind"], file: string, order: number, body = ""): PageSource => ({
  kind,
  file,
  source: `---\ntitle: ${file}\norder: ${order}\nsummary: A page.\n---\n\n## Section\n\n${body}\n`,
});

describe("compilePages(sources, options)", () => {
  it("puts chapters before labs, each by order then name, and links .md files to pages", () => {
    const pages = compilePages(
      [
        page("lab", "notebooks/lab.md", 1),
        page("chapter", "content/02-b.md", 1, "Back to [the start](01-a.md)."),
        page("chapter", "content/01-a.md", 2),
      ],
      options(false),
    );
    assert.deepEqual(
      pages.map((p) => p.path.dir),
      ["chapters/02-b/", "chapters/01-a/", "labs/lab/"],
    );
    assert.match(pages[0].page.html, /href="\.\.\/\.\.\/chapters\/01-a\/"/);
  });

  it("fails a production build with every page's errors and the site's own checks", () => {
    assert.throws(
      () =>
        compilePages(
          [
            page("chapter", "content/01-a.md", 1, "```js\nconst x = ;\n```"),
            page("chapter", "content/02-b.md", 3),
            page("chapter", "content/03-c.md", 3),
          ],
          options(false),
        ),
      (error: unknown) =>
        error instanceof CompileErrors &&
        error.errors.length === 2 &&
        /^content\/01-a\.md:\d+:\d+: syntax error in cell/.test(error.message) &&
        /content\/03-c\.md:3:1: `order: 3` is also the order of content\/02-b\.md/.test(
          error.message,
        ),
    );
  });

  it("in dev keeps every page, a broken one showing its errors in its place", () => {
    const pages = compilePages(
      [
        page("chapter", "content/01-a.md", 1),
        { kind: "chapter", file: "content/02-b.md", source: "---\ntitle: B\n---\n" },
        page("chapter", "content/03-c.md", 1),
      ],
      options(true),
    );
    const byFile = new Map(pages.map((p) => [p.page.file, p.page]));
    assert.equal(byFile.get("content/02-b.md")?.failed, true);
    assert.match(byFile.get("content/02-b.md")?.html ?? "", /could not be built/);
    assert.deepEqual(
      byFile.get("content/03-c.md")?.errors.map((e) => e.message),
      [
        "`order: 1` is also the order of content/01-a.md; each chapter needs its own number (it numbers the chapter and its equations)",
      ],
    );
  });
});
