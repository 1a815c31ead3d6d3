import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pagePath, slugOf } from "../../src/site/paths.ts";
import { renderToc } from "../../src/site/render-toc.ts";

const h = (level: number, id: string) => ({ level, id, text: id, html: id });

describe("renderToc(headings, inline)", () => {
  it("nests level-3 headings under the level-2 heading before them", () => {
    assert.equal(
      renderToc([h(2, "a"), h(3, "a1"), h(3, "a2"), h(2, "b"), h(4, "skipped")]),
      '<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">On this page</h2><ol><li><a href="#a">a</a><ol><li><a href="#a1">a1</a></li><li><a href="#a2">a2</a></li></ol></li><li><a href="#b">b</a></li></ol></nav>',
    );
  });

  it("keeps the list well formed when the page starts with a level-3 heading", () => {
    assert.match(
      renderToc([h(3, "x"), h(2, "y")]),
      /<ol><li><ol><li><a href="#x">x<\/a><\/li><\/ol><\/li><li><a href="#y">y<\/a><\/li><\/ol>/,
    );
  });

  it("renders nothing without headings, and a collapsed form when inline", () => {
    assert.equal(renderToc([]), "");
    assert.match(
      renderToc([h(2, "a")], true),
      /^<details class="toc-inline"><summary>On this page<\/summary>/,
    );
  });
});

describe("pagePath(kind, slug) and slugOf(file)", () => {
  it("puts chapters and labs in their folders with a relative way back to the root", () => {
    assert.deepEqual(pagePath("chapter", "06-backpropagation"), {
      dir: "chapters/06-backpropagation/",
      root: "../../",
    });
    assert.deepEqual(pagePath("lab", "gradient-check"), {
      dir: "labs/gradient-check/",
      root: "../../",
    });
    assert.equal(slugOf("content/06-backpropagation.md"), "06-backpropagation");
  });
});
