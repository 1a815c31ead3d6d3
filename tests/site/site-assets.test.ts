import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { PROJECT } from "../../src/site/project.ts";
import { styleEntry } from "../../src/site/site-assets.ts";
import { memoryFiles } from "../../src/site/site-files.ts";

describe("styleEntry(files)", () => {
  it("imports the stylesheets in cascade order, a component's folder through its index.css", () => {
    const sheet = (path: string) => [join(PROJECT, "styles", path), "/* */"];
    const files = memoryFiles(
      Object.fromEntries(
        [
          "labs.css",
          "slides/index.css",
          "slides/stage.css",
          "graph/index.css",
          "graph/view.css",
          "base.css",
          "scheme.css",
          "extra/notes.txt",
          "README.md",
        ].map(sheet),
      ),
    );
    const imports = [...styleEntry(files).matchAll(/@import "([^"]+)";/g)].map((m) =>
      m[1].replace(`${PROJECT}/`, ""),
    );
    assert.deepEqual(imports, [
      "node_modules/@observablehq/inputs/dist/index.css",
      "styles/scheme.css",
      "styles/base.css",
      "styles/graph/index.css",
      "styles/slides/index.css",
      "styles/labs.css",
    ]);
  });
});
