// Reading a chapter's or lab's live cells straight from its Markdown, for tests that recompute
// what the prose claims: the page runs the same source, so the two cannot drift apart.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

/** The source of every ```js cell of `path` (relative to the repository), in page order. */
export function cellsOf(path: string): string[] {
  const markdown = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
  return [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

/** The first cell of `path` containing `marker`; fails the test, naming both, when none does. */
export function cellWith(path: string, marker: string): string {
  const found = cellsOf(path).find((c) => c.includes(marker));
  assert.ok(found, `${path} no longer has a cell containing "${marker}"`);
  return found;
}

/**
 * Runs cell sources as one function body with the given built-ins in scope and returns the value
 * of `result` (an expression over the cells' declarations), as the page's runtime would.
 */
export function runCells<T>(
  sources: string | readonly string[],
  builtins: Record<string, unknown>,
  result: string,
): T {
  const body = `${[sources].flat().join("\n")}\nreturn ${result};`;
  // Project-owned cell source, run as a function body the way the page runs it.
  return new Function(...Object.keys(builtins), body)(...Object.values(builtins)) as T;
}
