import { join } from "node:path";
import type { SiteBundle } from "./bundle-site.ts";
import type { RenderedSite } from "./render-site.ts";
import type { SiteFiles } from "./site-files.ts";

/** Writes the bundle's assets and every page's index.html under `siteDir`. */
export function writeSite(
  files: SiteFiles,
  siteDir: string,
  bundle: Pick<SiteBundle, "files">,
  rendered: Pick<RenderedSite, "html">,
): void {
  for (const file of bundle.files) files.write(join(siteDir, file.path), file.contents);
  for (const [dir, html] of rendered.html) files.write(join(siteDir, dir, "index.html"), html);
}
