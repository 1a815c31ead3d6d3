// graph/render: the drawing and the panels as markup strings — the SVG, its legend, the text
// alternative, the ledger, the equation panel and the plain-language captions. Strings only; the
// view puts them into the page.
export * from "./describe-step.ts";
export * from "./edge-local.ts";
export * from "./equation-panel.ts";
export * from "./escape-xml.ts";
export * from "./ledger.ts";
export * from "./legend.ts";
export * from "./op-caption.ts";
export * from "./render-svg.ts";
export * from "./text-alternative.ts";
