import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CompiledPage } from "../../src/notebook/compile/types.ts";
import { renderPageModule } from "../../src/site/render-page-module.ts";
import type { SitePage } from "../../src/site/render-pages.ts";

const cell = {
  id: "c1",
  inputs: ["tensor"],
  outputs: ["t"],
  expression: false,
  inline: false,
  body: "(tensor) => {\nconst t = tensor(1);\nreturn {t};\n}",
  source: "content/01-x.md:9",
  line: 9,
};
const page = (builtinsUsed: string[], withCells = true, cells: object[] = [cell]): SitePage => ({
  kind: "chapter",
  slug: "01-x",
  path: { dir: "chapters/01-x/", root: "../../" },
  page: {
    builtinsUsed,
    cells: withCells ? cells : [],
  } as unknown as CompiledPage,
});
const options = { project: "/p", macros: { "\\R": "\\mathbb{R}" }, dev: false, slides: true };

describe("renderPageModule(page, options)", () => {
  it("boots the cells with the library names they use, and hooks the slides", () => {
    const source = renderPageModule(page(["tensor", "Inputs", "plots"]), options);
    assert.match(
      source,
      /import \{ boot, setUpPage \} from "\/p\/src\/notebook\/client\/index\.ts";/,
    );
    assert.match(source, /installSlides\(document\);/);
    const cells = /boot\(\[\n([\s\S]*)\n\], \{library/.exec(source)?.[1] ?? "";
    // Cells travel as data; the client compiles each body at its Markdown line.
    assert.deepEqual(JSON.parse(`[${cells}]`), [cell]);
    assert.match(source, /\{library: \["tensor"\]\}\);\n$/);
  });

  it("installs the loop guard, from its own file, only on a page whose cells carry its calls", () => {
    assert.doesNotMatch(renderPageModule(page(["tensor"]), options), /guard/i);
    const looped = { ...cell, insertions: [{ line: 2, column: 0, length: 18 }] };
    const source = renderPageModule(page(["tensor"], true, [cell, looped]), options);
    assert.match(
      source,
      /import \{ installLoopGuard \} from "\/p\/src\/notebook\/loop-guard\/index\.ts";/,
    );
    // Installed before the cells start, so their first loop finds it.
    assert.ok(source.indexOf("installLoopGuard();") < source.indexOf("boot(["));
  });

  it("passes the shared macros only to pages that typeset with tex", () => {
    assert.doesNotMatch(renderPageModule(page(["tensor"]), options), /macros/);
    assert.match(
      renderPageModule(page(["tex"]), options),
      /\{library: \[\], macros: \{"\\\\R":"\\\\mathbb\{R\}"\}\}/,
    );
  });

  it("leaves the runtime out of a page without cells, and adds live reload only in dev", () => {
    const source = renderPageModule(page([], false), { ...options, slides: false });
    assert.equal(
      source,
      'import { setUpPage } from "/p/src/notebook/client/page.ts";\nsetUpPage();\n',
    );
    assert.match(renderPageModule(page([], false), { ...options, dev: true }), /reload\.ts/);
  });
});
