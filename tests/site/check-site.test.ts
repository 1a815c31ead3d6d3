import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CompiledPage } from "../../src/notebook/compile/types.ts";
import { checkSite } from "../../src/site/check-site.ts";

const page = (file: string, order: number, more: Partial<CompiledPage> = {}): CompiledPage =>
  ({
    file,
    frontMatter: { title: file, order, summary: "s" },
    frontMatterLines: { order: 3 },
    anchors: [],
    links: [],
    ...more,
  }) as unknown as CompiledPage;

describe("checkSite(entries)", () => {
  it("rejects two chapters with the same order, naming both files", () => {
    const errors = checkSite([
      { kind: "chapter", page: page("content/01-a.md", 1) },
      { kind: "chapter", page: page("content/01-b.md", 1) },
      { kind: "lab", page: page("notebooks/lab.md", 1) },
    ]);
    assert.deepEqual(errors, [
      {
        file: "content/01-b.md",
        line: 3,
        column: 1,
        message:
          "`order: 1` is also the order of content/01-a.md; each chapter needs its own number (it numbers the chapter and its equations)",
      },
    ]);
  });

  it("rejects a link to an anchor the other page does not have", () => {
    const target = page("content/02-b.md", 2, { anchors: ["losses", "eq-mse"] });
    const from = page("content/01-a.md", 1, {
      links: [
        { target: "content/02-b.md", anchor: "losses", line: 7, column: 5 },
        { target: "content/02-b.md", anchor: "lossez", line: 9, column: 12 },
        { target: "content/02-b.md", line: 10, column: 1 },
      ],
    });
    const errors = checkSite([
      { kind: "chapter", page: from },
      { kind: "chapter", page: target },
    ]);
    assert.deepEqual(
      errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`),
      [
        "content/01-a.md:9:12: content/02-b.md has no heading or equation with the anchor `#lossez` (it has #losses, #eq-mse)",
      ],
    );
  });
});
