import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildError, compileFixture } from "./compile-fixture.ts";
import { FIXTURES } from "./snapshot.ts";

/** The build's errors for a fixture as `line:col: message`, without the file name. */
const errorsOf = (name: string): string[] =>
  buildError(name)
    .split("\n")
    .map((line) => line.replace(`${FIXTURES}/${name}:`, ""));

describe("compilePage errors: every one at once, each at its real line and column", () => {
  it("reports every error of a page in one build, one line each, in page order", () => {
    assert.deepEqual(errorsOf("broken-many.md"), [
      "8:16: syntax error in cell: Unexpected token",
      // In a display over several lines, the error is at the line and column of the culprit.
      "13:5: Undefined control sequence: \\badmacro",
      "16:8: Undefined control sequence: \\alsobad at position 1: \\alsobad",
      "16:25: `undeclared` is not declared by any cell on this page and is not a built-in",
      "16:41: \\eqref{eq:nowhere} points to no \\label{eq:nowhere} in this chapter",
      "18:7: Undefined control sequence: \\thirdbad at position 1: \\thirdbad{x}",
    ]);
  });

  it("counts columns from the start of the line inside lists and block quotes", () => {
    assert.deepEqual(
      errorsOf("broken-columns.md").map((e) => e.replace(/ is not declared.*| at position.*/, "")),
      [
        "9:15: `nope1`",
        "10:11: Undefined control sequence: \\badmacro",
        "11:27: `nope2`",
        "11:40: `nope3`",
        "14:16: `nope4`",
      ],
    );
  });

  it("does not blame the cells using the names of a cell that does not compile", () => {
    assert.deepEqual(
      errorsOf("broken-cascade.md").map((e) => e.split(": ")[0]),
      ["8:21", "16:15"],
    );
  });

  it("rejects assigning another cell's variable or a built-in, as Observable Framework does", () => {
    const [counter, width] = errorsOf("broken-assignment.md");
    assert.match(
      counter,
      /^12:1: cannot assign to `counter`, which the cell at line 8 declares; a cell may only change its own variables/,
    );
    assert.match(width, /^16:1: cannot assign to `width`, a built-in/);
  });
});

describe("compilePage headings", () => {
  it("typesets heading math with the shared macros and keeps it readable in the anchor", () => {
    const page = compileFixture("headings-math.md");
    assert.deepEqual(
      page.headings.map((h) => [h.level, h.id]),
      [
        [2, "gradient-pd-l-w"],
        [3, "the-sigma-z-and-w-2-of"],
      ],
    );
    for (const heading of page.headings) {
      assert.match(heading.html, /class="katex"/);
      assert.doesNotMatch(heading.html, /math-error|Undefined control sequence/);
    }
    // \eqref in a heading shows its number; in the table of contents, whose entries are
    // links, without a link of its own.
    assert.match(page.headings[1].html, /<\/span> of \(4\.1\) $/);
    assert.match(page.html, /of <a class="eqref" href="#eq-loss">\(4\.1\)<\/a>/);
    assert.deepEqual(page.anchors, ["gradient-pd-l-w", "the-sigma-z-and-w-2-of", "eq-loss"]);
  });

  it("stops the build on a heading's math error, at its line and column", () => {
    assert.deepEqual(errorsOf("broken-heading-math.md"), [
      "7:13: Undefined control sequence: \\nope at position 1: \\nope{L}{w}",
    ]);
  });
});

describe("compilePage speaker notes", () => {
  it("checks notes like prose, at their lines in the file; a live value there is an error", () => {
    const [math, live] = errorsOf("broken-notes.md");
    assert.equal(
      math,
      "16:13: Undefined control sequence: \\oops at position 10: \\frac{1}{\\oops}",
    );
    assert.match(live, /^18:15: speaker notes cannot show live values/);
  });

  it("keeps a --- inside notes a rule, not a slide break, and runs no cell there", () => {
    const page = compileFixture("broken-notes.md", true);
    assert.equal(page.slideCount, 1);
    assert.match(
      page.html,
      /<aside class="notes"[^>]*>[\s\S]*<hr>\n<p>Still notes after a rule.<\/p>\n<\/aside>/,
    );
    assert.deepEqual(
      page.cells.map((c) => c.id),
      ["c1", "c2"],
    );
  });
});

describe("compilePage links to other pages", () => {
  const links = {
    pages: new Map([
      [`${FIXTURES}/02-b.md`, "chapters/02-b/"],
      ["tests/fixtures/notebooks/fit.md", "labs/fit/"],
    ]),
    root: "../../",
  };

  it("rewrites links to chapters' and labs' .md files to their built pages, anchors kept", () => {
    const page = compileFixture("links.md", true, { links });
    assert.match(page.html, /<a href="\.\.\/\.\.\/chapters\/02-b\/">chapter two<\/a>/);
    assert.match(page.html, /<a href="\.\.\/\.\.\/chapters\/02-b\/#losses">losses<\/a>/);
    assert.match(page.html, /<a href="\.\.\/\.\.\/labs\/fit\/">lab<\/a>/);
    assert.match(page.html, /<a href="https:\/\/example\.org\/x\.md">/);
    assert.match(page.html, /<a href="#top">/);
    assert.deepEqual(
      page.links.map((l) => [l.target, l.anchor, l.line, l.column]),
      [
        [`${FIXTURES}/02-b.md`, undefined, 7, 5],
        [`${FIXTURES}/02-b.md`, "losses", 7, 33],
        ["tests/fixtures/notebooks/fit.md", undefined, 7, 63],
      ],
    );
  });

  it("stops the build on a link to a .md file that is not a page of the site", () => {
    assert.equal(
      buildError("links.md", { links }),
      `${FIXTURES}/links.md:8:59: this link points to ${FIXTURES}/03-none.md, which is not a chapter (content/*.md) or lab (notebooks/*.md) of the site`,
    );
  });
});
