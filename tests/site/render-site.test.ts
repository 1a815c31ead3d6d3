import assert from "node:assert/strict";
import { relative } from "node:path";
import { describe, it } from "node:test";
import type { Metafile } from "esbuild";
import type { SiteBundle } from "../../src/site/bundle-site.ts";
import { renderSite } from "../../src/site/render-site.ts";
import { assetsByEntry } from "../../src/site/site-assets.ts";
import { BUILTINS, stagePages } from "./stage-pages.ts";

// A bundle as esbuild would describe it: each page's script with a shared chunk, the graph
// module and the library each in a lazily imported chunk of their own.
const output = (entryPoint: string | undefined, imports: string[] = []) => ({
  bytes: 1,
  inputs: {},
  exports: [],
  imports: imports.map((path) => ({ path, kind: "import-statement" as const })),
  ...(entryPoint ? { entryPoint } : {}),
});
const metafile = {
  inputs: {},
  outputs: {
    "/s/assets/chapter-01-graph-A.js": output("page:chapter-01-graph", [
      "/s/assets/chunks/chunk-C.js",
    ]),
    "/s/assets/chapter-02-prose-B.js": output("page:chapter-02-prose", [
      "/s/assets/chunks/chunk-C.js",
    ]),
    "/s/assets/lab-lab-D.js": output("page:lab-lab", ["/s/assets/chunks/chunk-C.js"]),
    "/s/assets/index-E.js": output("page:index"),
    "/s/assets/site-F.css": output("page:site"),
    "/s/assets/chunks/chunk-C.js": output(undefined),
    "/s/assets/chunks/graph-G.js": output("src/graph/index.ts", ["/s/assets/chunks/dag-H.js"]),
    "/s/assets/chunks/dag-H.js": output(undefined),
    "/s/assets/chunks/core-I.js": output("src/core.ts"),
  },
} as unknown as Metafile;
const bundle: SiteBundle = {
  files: [],
  metafile,
  assets: assetsByEntry(metafile, "/s"),
  relative: (path) => relative("/s", path),
};
const options = { siteTitle: "Notes", slides: true, builtins: BUILTINS };

describe("renderSite(pages, bundle, options)", () => {
  const site = renderSite(stagePages(), bundle, options);

  it("renders every page and the index, in memory", () => {
    assert.deepEqual(
      [...site.html.keys()],
      ["chapters/01-graph/", "chapters/02-prose/", "labs/lab/", ""],
    );
    const chapter = site.html.get("chapters/01-graph/") ?? "";
    assert.match(chapter, /<title>Graph · Notes<\/title>/);
    assert.match(chapter, /href="\.\.\/\.\.\/assets\/katex\/katex\.min\.css"/);
    assert.match(chapter, /href="\.\.\/\.\.\/assets\/site-F\.css"/);
    assert.match(chapter, /rel="next" href="\.\.\/\.\.\/chapters\/02-prose\/"/);
    assert.match(site.html.get("") ?? "", /href="chapters\/01-graph\/"[\s\S]*href="labs\/lab\/"/);
  });

  it("preloads the chunks a page's cells will import: the graph module, the library", () => {
    const preloads = (dir: string) =>
      [...(site.html.get(dir) ?? "").matchAll(/rel="modulepreload" href="([^"]+)"/g)].map(
        (m) => m[1],
      );
    assert.deepEqual(preloads("chapters/01-graph/"), [
      "../../assets/chunks/chunk-C.js",
      "../../assets/chunks/graph-G.js",
      "../../assets/chunks/dag-H.js",
    ]);
    assert.deepEqual(preloads("chapters/02-prose/"), ["../../assets/chunks/chunk-C.js"]);
    assert.deepEqual(preloads("labs/lab/"), [
      "../../assets/chunks/chunk-C.js",
      "../../assets/chunks/core-I.js",
    ]);
  });

  it("counts the JavaScript each page loads up front", () => {
    assert.deepEqual(site.scripts.get("chapters/02-prose/"), [
      "assets/chapter-02-prose-B.js",
      "assets/chunks/chunk-C.js",
    ]);
    assert.deepEqual(site.scripts.get(""), ["assets/index-E.js"]);
  });

  it("says which entry is missing when the bundle lacks a page", () => {
    const partial = {
      ...bundle,
      assets: new Map([...bundle.assets].filter(([k]) => k !== "lab-lab")),
    };
    assert.throws(() => renderSite(stagePages(), partial, options), /no output for lab-lab/);
  });
});
