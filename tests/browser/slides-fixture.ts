// Builds the slides fixture page (tests/fixtures/slides) into a temporary folder: the HTML,
// the deck's stylesheet and the fixture script bundled with esbuild.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/** Returns the folder holding index.html (fixture.js), demo.html (demo.js) and the deck's CSS. */
export async function buildSlidesFixture(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "slides-fixture-"));
  copyFileSync("tests/fixtures/slides/deck.html", join(dir, "index.html"));
  copyFileSync("tests/fixtures/slides/demo.html", join(dir, "demo.html"));
  // The deck's palette takes light or dark from the site's scheme switch.
  const sheets = ["styles/scheme.css", ...slideSheets()].map((f) => readFileSync(f, "utf8"));
  writeFileSync(join(dir, "slides.css"), sheets.join("\n"));
  copyFileSync("styles/deck-tools.css", join(dir, "deck-tools.css"));
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

/** The deck's stylesheets in the order styles/slides/index.css imports them. */
function slideSheets(): string[] {
  const index = readFileSync("styles/slides/index.css", "utf8");
  return [...index.matchAll(/@import "\.\/([^"]+)";/g)].map((m) => join("styles/slides", m[1]));
}
