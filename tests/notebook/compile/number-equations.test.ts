import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  findLabels,
  numberEquations,
  resolveEquationRefs,
} from "../../../src/notebook/compile/number-equations.ts";

describe("numberEquations(chapter, displays)", () => {
  it("numbers labelled displays in order as chapter.k, skipping unlabelled ones", () => {
    const { labels, errors } = numberEquations(3, [
      { tex: "a \\label{eq:a}", line: 1 },
      { tex: "b", line: 5 },
      { tex: "c \\label{eq:c}", line: 9 },
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      [...labels],
      [
        ["eq:a", { number: "3.1", anchor: "eq-a" }],
        ["eq:c", { number: "3.2", anchor: "eq-c" }],
      ],
    );
  });

  it("rejects a label used twice, at the second display's line", () => {
    const { errors } = numberEquations(1, [
      { tex: "\\label{x}", line: 2 },
      { tex: "\\label{x}", line: 7, column: 3 },
    ]);
    assert.deepEqual(errors, [
      { line: 7, column: 3, message: "\\label{x} is used twice in this chapter" },
    ]);
  });

  it("reports every problem at once: two labels in one display and a label used twice", () => {
    const { labels, errors } = numberEquations(1, [
      { tex: "\\label{a} \\label{b}", line: 2 },
      { tex: "\\label{c}", line: 5 },
      { tex: "\\label{c}", line: 9 },
    ]);
    assert.deepEqual(
      errors.map((e) => [e.line, e.message.split(",")[0]]),
      [
        [2, "one \\label per display equation"],
        [9, "\\label{c} is used twice in this chapter"],
      ],
    );
    assert.equal(labels.get("c")?.number, "1.1");
  });
});

describe("resolveEquationRefs(tex, labels)", () => {
  const { labels } = numberEquations(6, [{ tex: "\\label{eq:delta}", line: 1 }]);
  const tex = (source: string) => resolveEquationRefs(source, labels).tex;

  it("replaces \\label by \\tag and \\eqref by a link to the equation", () => {
    assert.equal(tex("x \\label{eq:delta}"), "x \\tag{6.1}");
    assert.equal(tex("\\eqref{eq:delta}"), "\\href{#eq-delta}{\\text{(6.1)}}");
    assert.equal(tex("\\ref{eq:delta}"), "\\href{#eq-delta}{\\text{6.1}}");
  });

  it("maps an offset in the rewritten TeX back to the author's", () => {
    const source = "a \\eqref{eq:delta} + \\bad";
    const resolved = resolveEquationRefs(source, labels);
    const bad = resolved.tex.indexOf("\\bad");
    assert.equal(resolved.sourceOffset(bad), source.indexOf("\\bad"));
    assert.equal(resolved.sourceOffset(0), 0);
    assert.equal(resolved.sourceOffset(resolved.tex.indexOf("text")), source.indexOf("\\eqref"));
  });

  it("throws for a reference to nowhere, saying where it is", () => {
    assert.throws(
      () => resolveEquationRefs("x + \\eqref{eq:nope}", labels),
      (error: Error & { offset?: number }) =>
        /\\eqref\{eq:nope\} points to no \\label\{eq:nope\}/.test(error.message) &&
        error.offset === 4,
    );
  });

  it("findLabels lists labels in order", () => {
    assert.deepEqual(findLabels("\\label{a} x \\label{b}"), ["a", "b"]);
  });
});
