// Checks on the TeX a trace produces, shared by the graph tests: that KaTeX typesets it, and
// that no substituted number reads wrongly (a negative after an operator, a negative base).
import assert from "node:assert/strict";
import katex from "katex";
import type { Trace } from "../../src/graph/model/types.ts";

/** Every equation of a trace: forward and backward steps, layered forms included. */
export function equationsOf(t: Trace): { where: string; tex: string }[] {
  const out: { where: string; tex: string }[] = [];
  t.forward.forEach((s, k) => {
    out.push({ where: `forward ${k + 1} symbols`, tex: s.texSymbolic });
    out.push({ where: `forward ${k + 1} numbers`, tex: s.texNumeric });
  });
  t.backward.forEach((s, k) => {
    out.push({ where: `backward ${k + 1} symbols`, tex: s.texSymbolic });
    out.push({ where: `backward ${k + 1} numbers`, tex: s.texNumeric });
    if (s.texLayer) out.push({ where: `backward ${k + 1} layer form`, tex: s.texLayer });
  });
  return out;
}

/** Typesets `tex` as the equation panel does, but failing loudly on any error. */
export function assertTypesets(tex: string, where: string): void {
  let html = "";
  assert.doesNotThrow(() => {
    html = katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: "error" });
  }, `${where}: KaTeX cannot typeset ${tex}`);
  assert.doesNotMatch(html, /katex-error|color:\s*#cc0000/, `${where}: ${tex}`);
}

// What may stand right before a negative number: the start, "=", an opening bracket or bar, a
// matrix cell or row separator, the brace opening a group (10^{-5}, \begin{bmatrix}).
// (A subtraction is written `a - b`, with a space, so it never looks like a negative number.)
const MAY_PRECEDE_MINUS = /(^|=|\(|\[|\{|&|\\\\|\\lvert|\\begin\{bmatrix\})\s*$/;

/**
 * The places in `tex` where a substituted negative number could be misread: after an operator
 * or juxtaposed to a factor (`[..]^{\top} -0.29`, `+ -0.5`), or raised to a power (`-0.5^{2}`).
 */
export function ambiguousNegatives(tex: string): string[] {
  const found: string[] = [];
  for (const match of tex.matchAll(/-\d+(?:\.\d+)?(\\times 10\^\{-?\d+\})?/g)) {
    const at = match.index ?? 0;
    const before = tex.slice(0, at);
    const after = tex.slice(at + match[0].length);
    if (!MAY_PRECEDE_MINUS.test(before)) found.push(`…${before.slice(-16)}⟨${match[0]}⟩`);
    else if (/^\^/.test(after)) found.push(`⟨${match[0]}⟩${after.slice(0, 8)}…`);
  }
  return found;
}
