import { posix } from "node:path";

/** The site's pages, for turning links to Markdown files into links to built pages. */
export interface LinkTargets {
  /** Built page folder ("chapters/02-b/") of each Markdown file ("content/02-b.md"). */
  pages: ReadonlyMap<string, string>;
  /** From the page being compiled to the site root ("../../"). */
  root: string;
}

/** A link to another page's Markdown file, resolved. */
export interface MarkdownLink {
  /** The Markdown file linked to, as the site names it ("content/02-b.md"). */
  file: string;
  /** The part after `#`, if any. */
  anchor?: string;
  /** The built page's address relative to the linking page; undefined when there is no such page. */
  href?: string;
}

/**
 * Resolves `href` written in `from` when it points to a Markdown file (`02-b.md`,
 * `../notebooks/lab.md#fit`); null for any other link (other sites, anchors, images, …).
 */
export function resolveMarkdownLink(
  from: string,
  href: string,
  targets: LinkTargets,
): MarkdownLink | null {
  if (/^[a-z][a-z\d+.-]*:|^[/#]/i.test(href)) return null;
  const match = /^([^?#]*\.md)(?:\?[^#]*)?(?:#(.*))?$/.exec(href);
  if (!match) return null;
  let path: string;
  try {
    path = decodeURI(match[1]);
  } catch {
    path = match[1];
  }
  const file = posix.normalize(posix.join(posix.dirname(from.replace(/\\/g, "/")), path));
  const dir = targets.pages.get(file);
  const anchor = match[2] ? decodeURIComponent(match[2]) : undefined;
  const hash = match[2] ? `#${match[2]}` : "";
  return { file, anchor, href: dir === undefined ? undefined : `${targets.root}${dir}${hash}` };
}
