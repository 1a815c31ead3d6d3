// Loads TF.js (core + CPU backend + gradients) as one bundle. tfjs-core's Node build registers
// no gradients, and its ES-module files use directory imports that Node refuses, so esbuild
// bundles the ES-module sources (the way a web app would ship them) into a temporary file.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

/** The TF.js core API, typed from its declarations. */
export type Tf = typeof import("@tensorflow/tfjs-core");

/** Bundles and imports TF.js with the CPU backend selected and production mode on. */
export async function loadTfjs(): Promise<Tf> {
  const dir = mkdtempSync(join(tmpdir(), "tfjs-bench-"));
  const outfile = join(dir, "tf.mjs");
  try {
    await build({
      stdin: {
        contents: [
          'export * from "@tensorflow/tfjs-core";',
          'import "@tensorflow/tfjs-core/dist/register_all_gradients";',
          'import "@tensorflow/tfjs-backend-cpu";',
        ].join("\n"),
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: "esm",
      platform: "node",
      // One copy of tfjs-core: the backend must import the same ES build the gradients use.
      mainFields: ["module", "main"],
      // TF.js's Node platform code calls require("util"); give the ES module a require.
      banner: {
        js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
      },
      outfile,
      logLevel: "error",
    });
    const tf = (await import(pathToFileURL(outfile).href)) as Tf;
    // Production mode drops TF.js's per-op debug checks: the setting a user chasing speed picks.
    tf.enableProdMode();
    await tf.setBackend("cpu");
    await tf.ready();
    return tf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
