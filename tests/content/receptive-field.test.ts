// Chapter 9's receptive-field table, run from the chapter's own cell: the prose says two stacked
// 3×3 convolutions see 5×5 and three see 7×7, and the notes say three blocks of two
// convolutions and a pool are the first to cover a 32×32 image.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

const markdown = readFileSync(
  new URL("../../content/09-convolutional-networks.md", import.meta.url),
  "utf8",
);
const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
const source = cells.find((c) => c.includes("const rfLayers"));

interface Row {
  name: string;
  field: number;
  jump: number;
}
/** The chapter's table for `blocks` blocks of `convs` 3×3 convolutions and a 2×2 pool. */
function table(blocks: number, convs: number): Row[] {
  assert.ok(source, "chapter 9 no longer has the receptive-field cell");
  const builtins = { rfStack: { blocks, convs }, html: () => null, display: () => undefined };
  // The chapter's own source text, run as a function body the way the page runs it.
  return new Function(...Object.keys(builtins), `${source}\nreturn rfRows;`)(
    ...Object.values(builtins),
  );
}

describe("chapter 9: receptive fields", () => {
  test("two stacked 3×3 convolutions see 5×5, three see 7×7", () => {
    assert.match(markdown, /Two stacked 3×3 convolutions see 5×5 and three see 7×7/);
    assert.equal(table(1, 2)[1].field, 5);
    assert.equal(table(1, 3)[2].field, 7);
  });

  test("with two convolutions per block, three blocks are the first to cover 32×32", () => {
    assert.match(markdown, /after 2 blocks 16 × 16, after 3 blocks 36 × 36,\s+so 3\./);
    assert.equal(table(2, 2).at(-1)?.field, 16);
    assert.equal(table(3, 2).at(-1)?.field, 36);
  });

  test("each pool doubles the distance between neighbouring units", () => {
    assert.deepEqual(
      table(3, 1).map((r) => r.jump),
      [1, 2, 2, 4, 4, 8],
    );
  });
});
