import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveMarkdownLink } from "../../../src/notebook/compile/resolve-link.ts";

const targets = {
  pages: new Map([
    ["content/02-b.md", "chapters/02-b/"],
    ["notebooks/fit lab.md", "labs/fit-lab/"],
  ]),
  root: "../../",
};

describe("resolveMarkdownLink(from, href, targets)", () => {
  it("turns a link to a sibling chapter's file into a link to its page, anchor kept", () => {
    assert.deepEqual(resolveMarkdownLink("content/01-a.md", "02-b.md#losses", targets), {
      file: "content/02-b.md",
      anchor: "losses",
      href: "../../chapters/02-b/#losses",
    });
    assert.equal(
      resolveMarkdownLink("content/01-a.md", "./02-b.md", targets)?.href,
      "../../chapters/02-b/",
    );
  });

  it("follows ../ and decodes the path", () => {
    assert.equal(
      resolveMarkdownLink("content/01-a.md", "../notebooks/fit%20lab.md", targets)?.href,
      "../../labs/fit-lab/",
    );
  });

  it("gives no address for a .md file that is no page", () => {
    assert.deepEqual(resolveMarkdownLink("content/01-a.md", "09-none.md", targets), {
      file: "content/09-none.md",
      anchor: undefined,
      href: undefined,
    });
  });

  it("leaves other links alone", () => {
    for (const href of ["https://x.org/a.md", "#top", "/abs.md", "picture.png", "mailto:a@b.c"])
      assert.equal(resolveMarkdownLink("content/01-a.md", href, targets), null, href);
  });
});
