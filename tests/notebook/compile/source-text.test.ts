import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blockText, bodySource, nestedSource } from "../../../src/notebook/compile/source-text.ts";

describe("blockText(source, first, content)", () => {
  // A body starting after 5 lines of front matter: body line 0 is file line 6.
  const source = bodySource("intro\n\n- item `a`\n- > quote $b$\n  more `c`\n", 5);

  it("maps an offset in a list item's stripped text to the file's line and column", () => {
    const item = blockText(source, 2, "item `a`");
    assert.deepEqual(item.positionAt(5), { line: 8, column: 8 });
  });

  it("finds each line of a quote inside a list after its markers", () => {
    const quote = blockText(source, 3, "quote $b$\nmore `c`");
    assert.deepEqual(quote.lineStarts, [
      { line: 9, column: 5 },
      { line: 10, column: 3 },
    ]);
    assert.deepEqual(quote.positionAt("quote $b$\nmore ".length), { line: 10, column: 8 });
  });
});

describe("nestedSource(block, content)", () => {
  it("maps positions in Markdown parsed from a fence's content through to the file", () => {
    const source = bodySource("  ```notes\n  Say $x$.\n  ```\n", 0);
    const fence = blockText(source, 1, "Say $x$.\n");
    const notes = nestedSource(fence, "Say $x$.\n");
    assert.deepEqual(notes.at(0, 4), { line: 2, column: 7 });
  });
});
