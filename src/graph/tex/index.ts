// graph/tex: the TeX of each step — the op rules, the lecture's layered formulas, the small
// builders they share — and the loader for KaTeX, which typesets it in the browser.
export * from "./katex-loader.ts";
export * from "./layer-formula.ts";
export * from "./notation.ts";
export * from "./op-tex.ts";
export * from "./step-tex.ts";
export * from "./tex-parts.ts";
