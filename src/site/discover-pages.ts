import { join, relative, resolve } from "node:path";
import type { SitePage } from "./render-pages.ts";
import type { SiteFiles } from "./site-files.ts";

/** A Markdown page found for the site, with its text. */
export interface PageSource {
  kind: SitePage["kind"];
  /** Relative to the project root, as error messages show it: "content/06-backpropagation.md". */
  file: string;
  source: string;
}

/** Every .md file in the chapters' and the labs' folders (either may be missing), by name. */
export function discoverPages(
  files: SiteFiles,
  root: string,
  folders: { contentDir: string; labsDir: string },
): PageSource[] {
  const found: PageSource[] = [];
  for (const [kind, dir] of [
    ["chapter", folders.contentDir],
    ["lab", folders.labsDir],
  ] as const) {
    const folder = resolve(root, dir);
    for (const name of files.list(folder).filter((n) => n.endsWith(".md"))) {
      const path = join(folder, name);
      found.push({ kind, file: relative(root, path), source: files.read(path) });
    }
  }
  return found;
}
