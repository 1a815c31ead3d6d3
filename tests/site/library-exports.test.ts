import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { libraryExports } from "../../src/site/library-exports.ts";

describe("libraryExports(index)", () => {
  it("reads the exports from the files as they are now, re-exports included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "library-"));
    const index = join(dir, "index.ts");
    writeFileSync(join(dir, "ops.ts"), "export const tensor = 1;\nexport function zeros() {}\n");
    writeFileSync(index, 'export * from "./ops.ts";\nexport const nn = {};\n');
    assert.deepEqual((await libraryExports(index))?.sort(), ["nn", "tensor", "zeros"]);
    // A running dev server sees an export added a moment ago (nothing is cached).
    writeFileSync(
      join(dir, "ops.ts"),
      "export const tensor = 1;\nexport function zeros() {}\nexport const ones = 2;\n",
    );
    assert.deepEqual((await libraryExports(index))?.sort(), ["nn", "ones", "tensor", "zeros"]);
  });

  it("gives null for a library that does not bundle, or is not there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "library-"));
    writeFileSync(join(dir, "index.ts"), "export const = ;\n");
    assert.equal(await libraryExports(join(dir, "index.ts")), null);
    assert.equal(await libraryExports(join(dir, "missing.ts")), null);
  });
});
