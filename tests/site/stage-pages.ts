// Compiled pages for the site stages' tests, from Markdown held in memory.
import {
  JAVASCRIPT_GLOBALS,
  MODULE_BUILTINS,
  STANDARD_BUILTINS,
} from "../../src/notebook/compile/index.ts";
import { compilePages } from "../../src/site/compile-pages.ts";
import type { SitePage } from "../../src/site/render-pages.ts";

export const BUILTINS: ReadonlySet<string> = new Set([
  ...STANDARD_BUILTINS,
  ...MODULE_BUILTINS,
  "tensor",
]);

const markdown = (title: string, order: number, body: string): string =>
  `---\ntitle: ${title}\norder: ${order}\nsummary: About ${title}.\n---\n\n## ${title}\n\n${body}\n`;

/** A chapter drawing a graph, a prose-only chapter, and a lab computing with the library. */
export function stagePages(): SitePage[] {
  return compilePages(
    [
      {
        kind: "chapter",
        file: "content/01-graph.md",
        source: markdown("Graph", 1, "```js\ngraph\n```"),
      },
      { kind: "chapter", file: "content/02-prose.md", source: markdown("Prose", 2, "Words.") },
      {
        kind: "lab",
        file: "notebooks/lab.md",
        source: markdown("Lab", 1, "```js\nconst t = tensor(1);\n```"),
      },
    ],
    { macros: {}, builtins: BUILTINS, globals: JAVASCRIPT_GLOBALS, dev: false },
  );
}
