// Builds the slides fixture page (tests/fixtures/slides) into a temporary folder: the HTML,
// the deck's stylesheet and the fixture script bundled with esbuild.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/** Returns the folder holding index.html (fixture.js), demo.html (demo.js) and slides.css. */
export async function buildSlidesFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "slides-fixture-"));
  copyFileSync("tests/fixtures/slides/deck.html", join(dir, "index.html"));
  copyFileSync("tests/fixtures/slides/demo.html", join(dir, "demo.html"));
  copyFileSync("styles/slides.css", join(dir, "slides.css"));
  await build({
    entryPoints: {
      fixture: "tests/fixtures/slides/fixture-entry.ts",
      demo: "tests/fixtures/slides/demo-entry.ts",
    },
    bundle: true,
    format: "esm",
    target: "es2022",
    outdir: dir,
    logLevel: "silent",
  });
  return dir;
}
