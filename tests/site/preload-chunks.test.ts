import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Metafile } from "esbuild";
import { preloadChunks, staticClosure } from "../../src/site/preload-chunks.ts";

const output = (
  entryPoint: string | undefined,
  imports: string[] = [],
  dynamic: string[] = [],
) => ({
  bytes: 1,
  inputs: {},
  exports: [],
  entryPoint,
  imports: [
    ...imports.map((path) => ({ path, kind: "import-statement" as const })),
    ...dynamic.map((path) => ({ path, kind: "dynamic-import" as const })),
  ],
});

const metafile = {
  inputs: {},
  outputs: {
    "dist/assets/page.js": output(
      "entries/page.js",
      ["dist/assets/chunks/shared.js"],
      ["dist/assets/chunks/plots.js", "dist/assets/chunks/src.js"],
    ),
    "dist/assets/chunks/shared.js": output(undefined),
    "dist/assets/chunks/plots.js": output(
      "src/plots/index.ts",
      ["dist/assets/chunks/shared.js"],
      ["dist/assets/chunks/vega.js"],
    ),
    "dist/assets/chunks/vega.js": output("node_modules/vega/build/vega.module.js", [
      "dist/assets/chunks/vega-core.js",
    ]),
    "dist/assets/chunks/vega-core.js": output(undefined),
    "dist/assets/chunks/src.js": output("src/index.ts", ["dist/assets/chunks/shared.js"]),
  },
} as unknown as Metafile;

describe("preloadChunks(metafile, builtins)", () => {
  it("lists the lazy chunks of the built-ins a page uses, with their static imports", () => {
    assert.deepEqual(preloadChunks(metafile, ["plots"]), [
      "dist/assets/chunks/plots.js",
      "dist/assets/chunks/shared.js",
      "dist/assets/chunks/vega.js",
      "dist/assets/chunks/vega-core.js",
    ]);
    assert.deepEqual(preloadChunks(metafile, ["library"]), [
      "dist/assets/chunks/src.js",
      "dist/assets/chunks/shared.js",
    ]);
  });

  it("lists nothing for a page that uses no lazy built-in", () => {
    assert.deepEqual(preloadChunks(metafile, ["width", "display"]), []);
  });

  it("staticClosure follows static imports only, each output once", () => {
    assert.deepEqual(staticClosure(metafile, ["dist/assets/page.js"]), [
      "dist/assets/page.js",
      "dist/assets/chunks/shared.js",
    ]);
  });
});
