import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { discoverPages } from "../../src/site/discover-pages.ts";
import { memoryFiles } from "../../src/site/site-files.ts";

describe("discoverPages(files, root, folders)", () => {
  it("finds the chapters, then the labs, by file name, with their text", () => {
    const files = memoryFiles({
      "/p/content/02-b.md": "two",
      "/p/content/01-a.md": "one",
      "/p/content/macros.tex": "\\newcommand{\\R}{\\mathbb{R}}",
      "/p/notebooks/lab.md": "lab",
    });
    assert.deepEqual(discoverPages(files, "/p", { contentDir: "content", labsDir: "notebooks" }), [
      { kind: "chapter", file: "content/01-a.md", source: "one" },
      { kind: "chapter", file: "content/02-b.md", source: "two" },
      { kind: "lab", file: "notebooks/lab.md", source: "lab" },
    ]);
  });

  it("takes a missing folder as empty", () => {
    const files = memoryFiles({ "/p/content/01-a.md": "one" });
    const found = discoverPages(files, "/p", { contentDir: "content", labsDir: "labs" });
    assert.deepEqual(
      found.map((p) => p.file),
      ["content/01-a.md"],
    );
  });
});
