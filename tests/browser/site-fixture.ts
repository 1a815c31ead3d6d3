// Builds the fixture site (tests/fixtures/notebook/site) into a temporary folder through the
// same build function as the real site, in dev mode so compile errors show on the page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite, type SiteResult } from "../../src/site/build-site.ts";

export async function buildFixtureSite(): Promise<{ dir: string; result: SiteResult }> {
  const dir = mkdtempSync(join(tmpdir(), "notebook-site-"));
  const result = await buildSite({
    contentDir: "tests/fixtures/notebook/site/content",
    labsDir: "tests/fixtures/notebook/site/notebooks",
    outDir: join(dir, "dist"),
    cacheDir: join(dir, "cache"),
    dev: true,
    liveReload: false,
  });
  return { dir: join(dir, "dist"), result };
}
