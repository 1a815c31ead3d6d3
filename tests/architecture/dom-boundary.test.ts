import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { namesUsedIn, sourceFiles, sourceText } from "./source-files.ts";

// Only the browser-side folders touch the DOM; the engine (tensor, nn, optim, data), the graph's
// model, TeX, layout and render stages, and the notebook compiler run in Node and in tests
// without one. (demo/, notebook/edit, notebook/exercise and the search panel are browser-side by nature:
// live demos, the code editor, exercises and search are built from elements; so are what they
// share with the client: messages as nodes, and the reader's work in the browser's storage.)
const MAY_USE_DOM = [
  "graph/view/",
  "notebook/client/",
  "plots/",
  "slides/",
  "site/",
  "demo/",
  "notebook/edit/",
  "notebook/exercise/",
  "notebook/message/",
  "notebook/work/",
  "notebook/search/search-panel.ts",
];

/** Browser globals and DOM types: using one means the file needs a page around it. */
const DOM_NAMES =
  /^(document|window|navigator|localStorage|sessionStorage|customElements|requestAnimationFrame|cancelAnimationFrame|requestIdleCallback|cancelIdleCallback|getComputedStyle|matchMedia|Element|Document|DocumentFragment|ShadowRoot|EventTarget|KeyboardEvent|MouseEvent|PointerEvent|FocusEvent|MutationObserver|IntersectionObserver|ResizeObserver|DOMParser|CSSStyleDeclaration|(HTML|SVG)\w*Element)$/;

/** The DOM names a piece of code uses. */
export function domNamesIn(code: string): string[] {
  return [...namesUsedIn(code)].filter((name) => DOM_NAMES.test(name)).sort();
}

describe("the DOM boundary", () => {
  it(`only ${MAY_USE_DOM.join(", ")} use the DOM`, () => {
    const found: string[] = [];
    for (const file of sourceFiles()) {
      if (MAY_USE_DOM.some((dir) => file.startsWith(dir))) continue;
      const names = domNamesIn(sourceText(file));
      if (names.length > 0) found.push(`${file}: ${names.join(", ")}`);
    }
    assert.deepEqual(found, [], `DOM use outside the browser-side folders:\n${found.join("\n")}`);
  });

  it("sees a global and not a property, a key or a comment", () => {
    const scan = domNamesIn;
    assert.deepEqual(scan("const e = document.body; // the window"), ["document"]);
    assert.deepEqual(scan("let h: HTMLElement;"), ["HTMLElement"]);
    assert.deepEqual(scan('const o = { window: 3 }; o.window; "document"'), []);
    // a template literal's text between placeholders is not code
    assert.deepEqual(scan(["const n = 2; `a $", "{n} window`;"].join("")), []);
  });
});
