import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  findLabels,
  numberEquations,
  resolveEquationRefs,
} from "../../src/notebook/build/numberEquations.ts";

describe("numberEquations(chapter, displays)", () => {
  it("numbers labelled displays in order as chapter.k, skipping unlabelled ones", () => {
    const labels = numberEquations(3, [
      { tex: "a \\label{eq:a}", line: 1 },
      { tex: "b", line: 5 },
      { tex: "c \\label{eq:c}", line: 9 },
    ]);
    assert.deepEqual(
      [...labels],
      [
        ["eq:a", { number: "3.1", anchor: "eq-a" }],
        ["eq:c", { number: "3.2", anchor: "eq-c" }],
      ],
    );
  });

  it("rejects a label used twice, at the second display's line", () => {
    assert.throws(
      () =>
        numberEquations(1, [
          { tex: "\\label{x}", line: 2 },
          { tex: "\\label{x}", line: 7 },
        ]),
      (e: Error & { line?: number }) => e.line === 7 && /used twice/.test(e.message),
    );
  });

  it("rejects two labels in one display", () => {
    assert.throws(
      () => numberEquations(1, [{ tex: "\\label{a} \\label{b}", line: 2 }]),
      /one \\label per display equation, found 2/,
    );
  });
});

describe("resolveEquationRefs(tex, labels)", () => {
  const labels = numberEquations(6, [{ tex: "\\label{eq:delta}", line: 1 }]);

  it("replaces \\label by \\tag and \\eqref by a link to the equation", () => {
    assert.equal(resolveEquationRefs("x \\label{eq:delta}", labels), "x \\tag{6.1}");
    assert.equal(
      resolveEquationRefs("\\eqref{eq:delta}", labels),
      "\\href{#eq-delta}{\\text{(6.1)}}",
    );
    assert.equal(resolveEquationRefs("\\ref{eq:delta}", labels), "\\href{#eq-delta}{\\text{6.1}}");
  });

  it("throws for a reference to nowhere", () => {
    assert.throws(
      () => resolveEquationRefs("\\eqref{eq:nope}", labels),
      /\\eqref\{eq:nope\} points to no \\label\{eq:nope\}/,
    );
  });

  it("findLabels lists labels in order", () => {
    assert.deepEqual(findLabels("\\label{a} x \\label{b}"), ["a", "b"]);
  });
});
