import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildError, compileFixture } from "./compile-fixture.ts";
import { assertSnapshot, FIXTURES, summarizeKatex } from "./snapshot.ts";

describe("compilePage(source, file, options)", () => {
  for (const name of ["basic.md", "equations.md", "scopes.md", "failing-cell.md"]) {
    it(`matches the snapshot of ${name}`, () => {
      const page = compileFixture(name);
      const { html, ...data } = page;
      assertSnapshot(name.replace(/\.md$/, ".html"), summarizeKatex(html));
      assertSnapshot(name.replace(/\.md$/, ".json"), `${JSON.stringify(data, null, 2)}\n`);
    });
  }

  it("reads the front matter", () => {
    const page = compileFixture("basic.md");
    assert.deepEqual(page.frontMatter, {
      title: "Placeholder chapter",
      order: 3,
      summary: "A tiny chapter exercising prose, math, cells, slides and notes.",
    });
  });

  it("splits slides at --- lines and keeps notes in their slide", () => {
    const page = compileFixture("basic.md");
    assert.equal(page.slideCount, 2);
    const sections = page.html.split('<section class="slide"').slice(1);
    assert.equal(sections.length, 2);
    // Each slide names the line of its first block, for the deck's overflow report.
    assert.match(sections[0], /^ data-slide="1" data-source="[^"]*basic\.md:7">/);
    assert.match(sections[1], /^ data-slide="2" data-source="[^"]*basic\.md:29">/);
    assert.ok(!sections[0].includes('class="notes"'));
    assert.match(sections[1], /<aside class="notes"[^>]*>\n<p>Say that <span class="katex">/);
  });

  it("numbers labelled equations per chapter and links references", () => {
    const page = compileFixture("equations.md");
    assert.match(page.html, /<a class="eqref" href="#eq-second">\(5\.2\)<\/a>/);
    assert.match(page.html, /<div class="math-display" id="eq-first">/);
    assert.match(page.html, /<div class="math-display" id="eq-second">/);
    assert.match(page.html, /<a class="eqref" href="#eq-second">5\.2<\/a>/);
    assert.match(page.html, /<mtext>\(5\.1\)<\/mtext>/); // the tag KaTeX drew for the first label
    assert.match(page.html, /href="#eq-first"/); // \eqref inside math became a link
  });

  it("typesets math at build time with the shared macros", () => {
    const page = compileFixture("equations.md");
    assert.match(page.html, /<span class="katex">/);
    assert.match(page.html, /<mi mathvariant="double-struck">R<\/mi>/);
  });

  it("gives each heading an anchor and lists it for the table of contents", () => {
    const page = compileFixture("basic.md");
    assert.deepEqual(
      page.headings.map((h) => [h.level, h.id, h.text]),
      [
        [2, "the-chain-rule", "The chain rule"],
        [2, "second-slide", "Second slide"],
      ],
    );
    assert.match(page.html, /<h2 id="the-chain-rule"/);
  });

  it("turns cells into runtime definitions with inputs and outputs", () => {
    const page = compileFixture("basic.md");
    assert.deepEqual(
      page.cells.map((c) => [c.id, c.inputs, c.outputs, c.expression, c.inline]),
      [
        ["c1", ["x"], [], true, true],
        ["c2", ["view", "Inputs"], ["x"], false, false],
        ["c3", ["x", "y"], [], true, false],
        ["c4", [], ["y", "helper"], false, false],
      ],
    );
    assert.deepEqual(page.builtinsUsed, ["Inputs", "view"]);
  });

  it("shows run=false code without running or checking it, and echo code under its cell", () => {
    const page = compileFixture("basic.md");
    assert.ok(!page.cells.some((c) => c.body.includes("thisIsNotChecked")));
    assert.match(
      page.html,
      /<pre class="cell-source"><code class="language-js">thisIsNotChecked\(\)<\/code><\/pre>/,
    );
    assert.match(
      page.html,
      /<div class="cell" data-cell="c3" id="cell-c3"><\/div>\n<pre class="cell-source"><code class="language-js">x \+ y<\/code><\/pre>/,
    );
  });

  it("stops on a syntax error with file:line:col", () => {
    assert.equal(
      buildError("broken-syntax.md"),
      `${FIXTURES}/broken-syntax.md:11:16: syntax error in cell: Unexpected token`,
    );
  });

  it("stops on a name declared by two cells", () => {
    assert.equal(
      buildError("broken-duplicate.md"),
      `${FIXTURES}/broken-duplicate.md:12:19: \`rate\` is already declared by the cell at line 8; each name may be declared by one cell only`,
    );
  });

  it("stops on a reference to nothing", () => {
    assert.equal(
      buildError("broken-undefined.md"),
      `${FIXTURES}/broken-undefined.md:8:14: \`weights\` is not declared by any cell on this page and is not a built-in`,
    );
  });

  it("stops on a cycle between cells", () => {
    assert.match(
      buildError("broken-cycle.md"),
      new RegExp(
        `^${FIXTURES}/broken-cycle.md:8:1: cells depend on each other in a circle \\(line 8 → line 12 → line 8\\)`,
      ),
    );
  });

  it("stops on a KaTeX error with the line of the formula", () => {
    assert.match(
      buildError("broken-math.md"),
      new RegExp(
        `^${FIXTURES}/broken-math.md:9:11: Undefined control sequence: \\\\notAMacro at position 13: \\\\frac\\{1\\}\\{2\\} \\\\notAMacro\\{x\\}$`,
      ),
    );
  });

  it("stops on an \\eqref to a label that does not exist", () => {
    assert.equal(
      buildError("broken-eqref.md"),
      `${FIXTURES}/broken-eqref.md:11:25: \\eqref{eq:missing} points to no \\label{eq:missing} in this chapter`,
    );
  });

  it("stops on missing front matter fields", () => {
    assert.equal(
      buildError("broken-front-matter.md"),
      `${FIXTURES}/broken-front-matter.md:2:1: front matter \`order\` should be a number, found nothing`,
    );
  });

  it("in dev mode shows a broken cell's error in its place and keeps the other cells", () => {
    const page = compileFixture("broken-duplicate.md", true);
    assert.equal(page.errors.length, 1);
    assert.deepEqual(
      page.cells.map((c) => [c.id, c.outputs, c.error !== undefined]),
      [
        ["c1", ["rate"], false],
        // The second `rate` is the error; the name stays the first cell's.
        ["c2", ["steps"], true],
      ],
    );
    assert.match(
      page.html,
      /<div class="cell cell-error" data-cell="c2" role="alert"><div class="error-message">[^<]*broken-duplicate.md:12:19: <code>rate<\/code> is already declared/,
    );
  });

  it("in dev mode shows a math error in place", () => {
    const page = compileFixture("broken-math.md", true);
    assert.equal(page.errors.length, 1);
    assert.match(
      page.html,
      /<span class="math-error" role="alert">[^<]*broken-math.md:9:11: Undefined control sequence/,
    );
  });
});
