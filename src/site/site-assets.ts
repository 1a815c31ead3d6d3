import { join, relative, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { PROJECT } from "./project.ts";
import type { SiteFiles } from "./site-files.ts";

// Stylesheets in cascade order; a folder (a component in several files) is its index.css.
const STYLE_ORDER = [
  "scheme.css",
  "base.css",
  "layout.css",
  "prose.css",
  "cells.css",
  "exercises.css",
  "search.css",
  "graph",
  "slides",
];

/** A CSS entry importing every stylesheet in styles/, known ones in cascade order. */
export function styleEntry(files: SiteFiles): string {
  const stylesDir = join(PROJECT, "styles");
  const found = files
    .list(stylesDir)
    .filter((n) => n.endsWith(".css") || files.exists(join(stylesDir, n, "index.css")));
  const ordered = [
    ...STYLE_ORDER.filter((n) => found.includes(n)),
    ...found.filter((n) => !STYLE_ORDER.includes(n)).sort(),
  ];
  // Observable Inputs' own layout first, so the site's styles can adjust it.
  const sheets = [
    join(PROJECT, "node_modules/@observablehq/inputs/dist/index.css"),
    ...ordered.map((n) => join(stylesDir, n.endsWith(".css") ? n : `${n}/index.css`)),
  ];
  return sheets.map((path) => `@import ${JSON.stringify(path)};`).join("\n");
}

export interface EntryAssets {
  script?: string;
  css: string[];
  preload: string[];
}

/** For each entry name: its output file, its CSS, and the chunks it imports statically. */
export function assetsByEntry(metafile: Metafile, outDir: string): Map<string, EntryAssets> {
  const map = new Map<string, EntryAssets>();
  const rel = (path: string): string => relative(outDir, resolve(path)).replace(/\\/g, "/");
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint || path.includes("/chunks/")) continue;
    const name = (path.split("/").pop() ?? path).replace(/-[A-Z0-9]+\.(js|css)$/, "");
    const entry = map.get(name) ?? { css: [], preload: [] };
    if (path.endsWith(".css")) entry.css.push(rel(path));
    else {
      entry.script = rel(path);
      entry.preload = output.imports
        .filter((i) => i.kind === "import-statement" && !i.external)
        .map((i) => rel(i.path));
      if (output.cssBundle) entry.css.push(rel(output.cssBundle));
    }
    map.set(name, entry);
  }
  return map;
}
