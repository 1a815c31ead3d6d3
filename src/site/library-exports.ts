import { existsSync } from "node:fs";
import { build } from "esbuild";

/**
 * The names src/index.ts exports, read by esbuild from the files as they are now: nothing is
 * imported into this process, so a running dev server sees an export added a moment ago, and
 * no library code runs at build time. Null when the library does not bundle (the page bundle
 * reports why).
 */
export async function libraryExports(index: string): Promise<string[] | null> {
  if (!existsSync(index)) return null;
  try {
    const result = await build({
      entryPoints: [index],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "neutral",
      packages: "external",
      logLevel: "silent",
      outfile: "library-exports.js",
    });
    return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
  } catch {
    return null;
  }
}
