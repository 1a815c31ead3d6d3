import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compilePage } from "../../../src/notebook/compile/compile-page.ts";
import { OPTIONS } from "./compile-fixture.ts";

const page = (cells: string[]): string =>
  `---\ntitle: T\norder: 1\nsummary: S\n---\n\n${cells.map((c) => `\`\`\`js\n${c}\n\`\`\`\n`).join("\n")}`;

describe("compilePage(...).exercises", () => {
  it("lists exercises, predictions and answer boxes with their titles, in page order", () => {
    const compiled = compilePage(
      page([
        `exercise({ id: "grad", title: "The gradient", answer: "g", check: () => true })`,
        `predict({ id: "guess", question: "How many?", answer: 2 })`,
        // Several boxes in one cell, each listed; a box without a title is listed by its id.
        `html\`<div>\${answerBox({ id: "z1", title: "z(1)₁", label: "z", answer: 0.47 })}\${answerBox({ id: "a1", label: "a", answer: 0.44 })}</div>\``,
      ]),
      "t.md",
      OPTIONS,
    );
    assert.deepEqual(compiled.exercises, [
      { id: "grad", kind: "exercise", title: "The gradient" },
      { id: "guess", kind: "predict", title: "How many?" },
      { id: "z1", kind: "answer", title: "z(1)₁" },
      { id: "a1", kind: "answer", title: "a1" },
    ]);
  });

  it("leaves out a block whose id is not a plain string", () => {
    const compiled = compilePage(
      page([`const k = "x";`, `answerBox({ id: k, label: "x", answer: 1 })`]),
      "t.md",
      OPTIONS,
    );
    assert.equal(compiled.exercises, undefined);
  });
});
