import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { build } from "esbuild";
import { CompileErrors } from "../../src/notebook/cell/index.ts";
import { describeBuildFailure } from "../../src/site/build-failure.ts";

describe("describeBuildFailure(error)", () => {
  it("lists compile errors as file:line:col: message", () => {
    const error = new CompileErrors([
      { file: "content/01-a.md", line: 9, column: 3, message: "`x` is not declared" },
    ]);
    assert.deepEqual(describeBuildFailure(error), ["content/01-a.md:9:3: `x` is not declared"]);
  });

  it("lists esbuild's errors with 1-based columns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bundle-"));
    writeFileSync(join(dir, "broken.ts"), "export const a = 1;\nexport const b = (a + ;\n");
    const error = await build({
      entryPoints: [join(dir, "broken.ts")],
      write: false,
      logLevel: "silent",
    }).then(
      () => assert.fail("esbuild accepted a syntax error"),
      (e: unknown) => e,
    );
    const [problem] = describeBuildFailure(error);
    assert.match(problem, /broken\.ts:2:23: Unexpected ";"$/);
  });

  it("names where in our code an error was thrown, else gives its own message", () => {
    const thrown = new TypeError("page.title is undefined");
    assert.match(
      describeBuildFailure(thrown)[0],
      /^tests\/site\/build-failure\.test\.ts:\d+:\d+: TypeError: page\.title is undefined$/,
    );
    const elsewhere = Object.assign(new Error("disk full"), {
      stack: "Error: disk full\n    at write (node:fs:1:1)",
    });
    assert.deepEqual(describeBuildFailure(elsewhere), ["disk full"]);
  });
});
