import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoryFiles } from "../../src/site/site-files.ts";
import { writeSite } from "../../src/site/write-site.ts";

describe("writeSite(files, siteDir, bundle, rendered)", () => {
  it("writes every asset and one index.html per page folder", () => {
    const files = memoryFiles();
    const font = new Uint8Array([1, 2, 3]);
    writeSite(
      files,
      "/s",
      {
        files: [
          { path: "assets/a-X.js", contents: "code" },
          { path: "assets/katex/fonts/f.woff2", contents: font },
        ],
      },
      {
        html: new Map([
          ["", "<p>index</p>"],
          ["chapters/01-a/", "<p>a</p>"],
        ]),
      },
    );
    assert.deepEqual([...files.files.keys()].sort(), [
      "/s/assets/a-X.js",
      "/s/assets/katex/fonts/f.woff2",
      "/s/chapters/01-a/index.html",
      "/s/index.html",
    ]);
    assert.equal(files.files.get("/s/assets/katex/fonts/f.woff2"), font);
    assert.equal(files.read("/s/chapters/01-a/index.html"), "<p>a</p>");
  });
});
