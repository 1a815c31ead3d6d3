import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMarkdown } from "../../../src/notebook/compile/create-markdown.ts";

const md = createMarkdown();
/** The inline tokens markdown-it finds in one paragraph, as [type, content]. */
const inline = (text: string) =>
  (md.parse(text, {})[1].children ?? [])
    .filter((t) => t.type !== "text" || t.content !== "")
    .map((t) => [t.type, t.content]);

describe("markdownMath rules", () => {
  it("reads $…$ as inline math", () => {
    assert.deepEqual(inline("with $a^2$ here"), [
      ["text", "with "],
      ["math_inline", "a^2"],
      ["text", " here"],
    ]);
  });

  it("leaves prices alone: a closing $ may not follow a space nor precede a digit", () => {
    assert.deepEqual(inline("costs $5 and $6 now"), [["text", "costs $5 and $6 now"]]);
  });

  it("keeps an escaped dollar as text", () => {
    assert.equal(
      inline("a \\$ sign")
        .map((t) => t[1])
        .join(""),
      "a $ sign",
    );
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: Markdown syntax for an inline cell, not a template
  it("reads ${…} as an inline cell, braces inside strings included", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Markdown source with an inline cell, not a template
    assert.deepEqual(inline('value ${f({a: "}"})} end'), [
      ["text", "value "],
      ["cell_inline", 'f({a: "}"})'],
      ["text", " end"],
    ]);
  });

  it("reads \\eqref{…} and \\ref{…} in prose", () => {
    assert.deepEqual(inline("see \\eqref{eq:a} and \\ref{eq:b}"), [
      ["text", "see "],
      ["eq_ref", "eq:a"],
      ["text", " and "],
      ["eq_ref", "eq:b"],
    ]);
  });

  it("reads $$ on their own lines as display math, one line or several", () => {
    const one = md.parse("$$ x = 1 $$\n", {});
    assert.deepEqual([one[0].type, one[0].content], ["math_block", "x = 1 \n"]);
    const several = md.parse("$$\na = b\n\\label{eq:x}\n$$\n\nafter\n", {});
    assert.deepEqual(
      [several[0].type, several[0].content, several[0].map],
      ["math_block", "a = b\n\\label{eq:x}\n", [0, 4]],
    );
    assert.equal(several[2].children?.[0].content, "after");
  });

  it("makes a line of --- a slide break even right under a paragraph", () => {
    const tokens = md.parse("text\n---\nmore\n", {});
    assert.deepEqual(
      tokens.map((t) => t.type),
      [
        "paragraph_open",
        "inline",
        "paragraph_close",
        "hr",
        "paragraph_open",
        "inline",
        "paragraph_close",
      ],
    );
  });
});
