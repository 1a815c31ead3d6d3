// Small TeX builders shared by the op rules and the layered formulas. They take either symbols
// (`W_{1}`, `\hat{y}`) or numbers as the equations substitute them (`0.5`, `(-0.3)`, a bmatrix),
// and decide where parentheses and multiplication signs are needed, so that a negative number
// never reads as a subtraction and a power never binds to half a product.

const NUMBER = /^(?:-?\d+(?:\.\d+)?(?:\\times 10\^\{-?\d+\})?|-?\\infty|\\text\{NaN\})$/;

/** Whether `tex` is one number as the equations write it: `0.5`, `(-0.3)`, `(1.2\times 10^{-5})`. */
export function isNumberTex(tex: string): boolean {
  return NUMBER.test(unwrap(tex.trim()));
}

/** Index of the parenthesis closing the one that opens `tex`, or -1. */
function closingParen(tex: string): number {
  let depth = 0;
  for (let k = 0; k < tex.length; k++) {
    if (tex[k] === "(") depth++;
    else if (tex[k] === ")" && --depth === 0) return k;
  }
  return -1;
}

/** Whether one pair of parentheses encloses all of `tex`: `(-0.3)` yes, `(a)(b)` no. */
export function isWrapped(tex: string): boolean {
  return tex.startsWith("(") && closingParen(tex) === tex.length - 1;
}

/**
 * Drops parentheses that enclose the whole of `tex`, for a place that is already delimited or
 * comes first: `\sigma(-0.3)` rather than `\sigma((-0.3))`, `-0.5 - 0.3` rather than `(-0.5) - 0.3`.
 */
export function unwrap(tex: string): string {
  return isWrapped(tex) ? tex.slice(1, -1) : tex;
}

const MATRIX = /^\\begin\{bmatrix\}[\s\S]*\\end\{bmatrix\}$/;
const SHAPE = /^\\left\[[^[\]]*\\right\]$/;
// One letter or command (`\hat{y}`, `\mathrm{loss}`), optionally with one subscript; or an
// unsigned number. `W_{1}` is atomic; `W^{(1)}`, `W_{1} x` and `-0.5` are not.
const ATOM = /^(?:[A-Za-z]|\\[A-Za-z]+(?:\{[^{}]*\})?|\d+(?:\.\d+)?)(?:_\{[^{}]*\}|_[A-Za-z0-9])?$/;

/** Whether `tex` can take a superscript without parentheses. */
function takesSuperscript(tex: string): boolean {
  if (MATRIX.test(tex) && tex.indexOf("\\end{bmatrix}") === tex.length - 13) return true;
  return SHAPE.test(tex) || isWrapped(tex) || ATOM.test(tex);
}

/**
 * `base^{p}`, parenthesised where the power would otherwise bind to part of the base:
 * `x^{2}`, `(a^{(1)})^{2}` (as the chapters write it), `(w x)^{2}`, `(-0.5)^{2}`.
 */
export function raise(base: string, p: string): string {
  if (takesSuperscript(base)) return `${base}^{${p}}`;
  return base.includes("\\frac") ? `\\left(${base}\\right)^{${p}}` : `(${base})^{${p}}`;
}

/** The transpose of `tex`; a number is its own transpose, so it stays as it is. */
export function transposed(tex: string): string {
  return isNumberTex(tex) ? tex : raise(tex, "\\top");
}

/**
 * `a b` as a product: juxtaposed (`W x`; with a thin space around fractions, numbers and
 * matrices: `0.5\, W`, `[..]\, [..]`), with a dot where a number follows
 * (`2(a - b) \cdot 0.5`), since two numbers side by side read as one.
 */
export function times(a: string, b: string): string {
  if (/^\(?-?\d/.test(b.trim())) return `${a} \\cdot ${b}`;
  const spaced = (t: string): boolean => /\\frac|\\begin|\\left|^\(?-?\d/.test(t.trim());
  return spaced(a) || spaced(b) ? `${a}\\, ${b}` : `${a} ${b}`;
}

/** `\frac{\partial of}{\partial by}`, parenthesising compound labels (`\partial (W_{2} a_{1})`). */
export function partialTex(of: string, by: string): string {
  const wrap = (tex: string): string => (/\s/.test(tex.trim()) ? `(${tex})` : tex);
  return `\\frac{\\partial ${wrap(of)}}{\\partial ${wrap(by)}}`;
}
