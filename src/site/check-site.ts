import type { CompiledPage, CompileErrorData } from "../notebook/compile/index.ts";

/** A compiled page and whether it is a chapter or a lab. */
export interface SiteEntry {
  kind: "chapter" | "lab";
  page: CompiledPage;
}

/**
 * Checks that need every page: two chapters with the same `order` (their numbers and equation
 * numbers would collide), and links to another page's `#anchor` that page does not have.
 */
export function checkSite(entries: readonly SiteEntry[]): CompileErrorData[] {
  const errors: CompileErrorData[] = [];
  const byOrder = new Map<number, CompiledPage>();
  for (const { kind, page } of entries) {
    if (kind !== "chapter" || page.failed) continue;
    const order = page.frontMatter.order;
    const first = byOrder.get(order);
    if (!first) {
      byOrder.set(order, page);
      continue;
    }
    errors.push({
      file: page.file,
      line: page.frontMatterLines.order ?? 2,
      column: 1,
      message: `\`order: ${order}\` is also the order of ${first.file}; each chapter needs its own number (it numbers the chapter and its equations)`,
    });
  }
  const byFile = new Map(entries.map((e) => [e.page.file, e.page]));
  for (const { page } of entries) {
    for (const link of page.links) {
      const target = byFile.get(link.target);
      if (!link.anchor || !target || target.failed || target.anchors.includes(link.anchor))
        continue;
      const known = target.anchors.slice(0, 6).map((a) => `#${a}`);
      errors.push({
        file: page.file,
        line: link.line,
        column: link.column,
        message: `${link.target} has no heading or equation with the anchor \`#${link.anchor}\`${known.length ? ` (it has ${known.join(", ")}${target.anchors.length > known.length ? ", …" : ""})` : ""}`,
      });
    }
  }
  return errors;
}
