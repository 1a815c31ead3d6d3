import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoryFiles } from "../../src/site/site-files.ts";

describe("memoryFiles(initial)", () => {
  it("lists a folder's names once each, sorted, and none for a folder that is not there", () => {
    const files = memoryFiles({ "/p/b.md": "b", "/p/a.md": "a", "/p/sub/c.md": "c" });
    assert.deepEqual(files.list("/p"), ["a.md", "b.md", "sub"]);
    assert.deepEqual(files.list("/q"), []);
    assert.equal(files.exists("/p/sub"), true);
    assert.equal(files.exists("/p/z.md"), false);
  });

  it("reads what was written, text or bytes, and names a file it does not have", () => {
    const files = memoryFiles();
    files.write("/out/a.txt", "text");
    files.write("/out/b.bin", new TextEncoder().encode("bytes"));
    assert.equal(files.read("/out/a.txt"), "text");
    assert.equal(files.read("/out/b.bin"), "bytes");
    assert.throws(() => files.read("/out/c.txt"), /no such file: \/out\/c\.txt/);
  });
});
