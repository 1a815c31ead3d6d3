// Builds the slides fixture page (tests/fixtures/slides) into a temporary folder: the HTML,
// the deck's stylesheet and the fixture script bundled with esbuild.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/** Returns the folder holding index.html, slides.css and fixture.js. */
export async function buildSlidesFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "slides-fixture-"));
  copyFileSync("tests/fixtures/slides/deck.html", join(dir, "index.html"));
  copyFileSync("styles/slides.css", join(dir, "slides.css"));
  await build({
    entryPoints: ["tests/fixtures/slides/fixture-entry.ts"],
    bundle: true,
    format: "esm",
    target: "es2022",
    outfile: join(dir, "fixture.js"),
    logLevel: "silent",
  });
  return dir;
}
