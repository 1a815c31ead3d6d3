import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { bundleSite } from "../../src/site/bundle-site.ts";
import { memoryFiles } from "../../src/site/site-files.ts";
import { stagePages } from "./stage-pages.ts";

describe("bundleSite(pages, files, options)", () => {
  it("bundles one module per page, the index and the styles, in memory", async () => {
    const siteDir = join(mkdtempSync(join(tmpdir(), "bundle-site-")), "site");
    const styles = memoryFiles();
    const bundle = await bundleSite(stagePages(), styles, {
      siteDir,
      macros: {},
      dev: false,
      liveReload: false,
      slides: false,
    });
    assert.equal(existsSync(siteDir), false, "nothing is written");
    assert.deepEqual([...bundle.assets.keys()].sort(), [
      "chapter-01-graph",
      "chapter-02-prose",
      "index",
      "lab-lab",
      "site",
    ]);
    const paths = bundle.files.map((f) => f.path);
    for (const [, assets] of bundle.assets)
      for (const file of [assets.script, ...assets.css, ...assets.preload].filter(Boolean))
        assert.ok(paths.includes(file as string), `${file} is among the files`);
    assert.ok(paths.includes("assets/katex/katex.min.css"));
    assert.ok(paths.some((p) => /^assets\/katex\/fonts\/.+\.woff2$/.test(p)));
    // The prose-only page leaves the runtime to the pages with cells.
    const prose = bundle.assets.get("chapter-02-prose");
    const graph = bundle.assets.get("chapter-01-graph");
    assert.ok(prose && graph && prose.preload.length < graph.preload.length);
    assert.equal(bundle.relative(join(siteDir, "assets/x.js")), "assets/x.js");
  });
});
