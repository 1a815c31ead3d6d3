/** Where a page lives in dist/ and how to reach the site root from it. */
export interface PagePath {
  /** "chapters/06-backpropagation/" ("" for the index). */
  dir: string;
  /** "../../" from a chapter, "" from the index: every link is relative to work under any sub-path. */
  root: string;
}

/** The dist/ location of a chapter (content/) or lab (notebooks/) from its file name. */
export function pagePath(kind: "chapter" | "lab", slug: string): PagePath {
  return { dir: `${kind === "chapter" ? "chapters" : "labs"}/${slug}/`, root: "../../" };
}

/** "content/06-backpropagation.md" → "06-backpropagation" */
export function slugOf(file: string): string {
  return (file.replace(/\\/g, "/").split("/").pop() ?? file).replace(/\.md$/, "");
}
