// What a node shows in the drawing — its label, value and gradient as lines of text — and the
// box that holds them. The layout sizes each node from these lines; the renderer draws them.
import { formatNumber, formatShape, type TraceNode, type Values } from "../model/index.ts";

/** Sizes of the node text, px; the SVG renderer uses the same numbers. */
export const NODE_TEXT = {
  labelSize: 22,
  valueSize: 17,
  /** Average glyph width as a fraction of the font size (a sans-serif with digits). */
  glyph: 0.6,
  /** Width of a thin space, as a fraction of the font size (U+2009 is 1/5 to 1/4 em). */
  thin: 0.25,
  padX: 6,
  lineGap: 4,
  minWidth: 72,
} as const;

/**
 * What stands before a node's gradient: ∇ and a thin space. Every column of a drawing is as wide
 * as its widest line, most often a gradient; a full space there cost each column 0.35 em.
 */
export const GRAD_MARK = "∇\u2009";

/** Entries a node shows in the drawing; larger tensors show their shape (the panels show all). */
export const NODE_ITEMS = 4;

/**
 * A tensor's numbers as the lines a node shows: a number; up to `NODE_ITEMS` numbers in
 * brackets, a matrix one bracketed row per line (`[0.5, −0.3]`, `[0.2, 0.8]`); beyond that the
 * shape (`[3×4]`).
 */
export function valueRows(values: Values): string[] {
  const { shape, data } = values;
  const f = (v: number): string => formatNumber(v);
  if (data.length === 1) return [f(data[0] ?? Number.NaN)];
  if (data.length > NODE_ITEMS) return [`[${formatShape(shape)}]`];
  const [m = 1, n = 1] = shape;
  // A column vector stands as a column, as the chapters write it (and half as wide as a row).
  if (shape.length === 2 && n === 1) return Array.from(data, (v) => `[${f(v)}]`);
  if (shape.length !== 2 || m === 1) return [`[${data.map(f).join(", ")}]`];
  const rows: string[] = [];
  for (let i = 0; i < m; i++)
    rows.push(
      `[${data
        .slice(i * n, (i + 1) * n)
        .map(f)
        .join(", ")}]`,
    );
  return rows;
}

/** One line of text in a node: its role (the CSS class), the text and its baseline from the centre. */
export interface NodeTextLine {
  readonly role: "label" | "value" | "grad";
  readonly text: string;
  readonly y: number;
}

/** The lines a node shows, top to bottom, with baselines relative to the node's centre (px). */
export function nodeTextLines(node: TraceNode): NodeTextLine[] {
  const t = NODE_TEXT;
  const value = valueRows(node.value);
  if (node.kind === "constant")
    return [{ role: "value", text: value.join(" "), y: t.valueSize * 0.35 }];
  const grad = node.grad ? valueRows(node.grad) : [];
  const rows: { role: NodeTextLine["role"]; text: string }[] = [
    { role: "label", text: node.label },
    ...value.map((text) => ({ role: "value" as const, text })),
    ...grad.map((text, k) => ({
      role: "grad" as const,
      text: k === 0 ? `${GRAD_MARK}${text}` : text,
    })),
  ];
  const block = t.labelSize + (rows.length - 1) * (t.valueSize + t.lineGap);
  let y = -block / 2 + t.labelSize * 0.8;
  return rows.map((row, k) => {
    if (k > 0) y += t.valueSize + t.lineGap;
    return { ...row, y: Math.round(y * 10) / 10 };
  });
}

/**
 * The three text lines of a node on one line each (a matrix's rows side by side), for a
 * renderer that draws label, value and gradient as single lines.
 * @deprecated draw `nodeTextLines`, which stacks a matrix's rows.
 */
export function nodeLines(node: TraceNode): { label: string; value: string; grad: string } {
  return {
    label: node.label,
    value: valueRows(node.value).join(" "),
    grad: node.grad ? `${GRAD_MARK}${valueRows(node.grad).join(" ")}` : "",
  };
}

/** Estimated width of a line of node text, px: a thin space counts for what it is. */
function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch === "\u2009" ? NODE_TEXT.thin : NODE_TEXT.glyph;
  return em * size;
}

/** Width and height of a node's box, from its text. Constants are small discs. */
export function nodeSize(node: TraceNode): { width: number; height: number } {
  const t = NODE_TEXT;
  const lines = nodeTextLines(node);
  if (node.kind === "constant") {
    const w = Math.max(48, textWidth(lines[0]?.text ?? "", t.valueSize) + 2 * t.padX);
    return { width: Math.round(w), height: 48 };
  }
  const widest = Math.max(
    ...lines.map((l) => textWidth(l.text, l.role === "label" ? t.labelSize : t.valueSize)),
  );
  const width = Math.max(t.minWidth, Math.round(widest + 2 * t.padX));
  const height = Math.round(
    t.labelSize + (lines.length - 1) * t.valueSize + lines.length * t.lineGap + 16,
  );
  return { width, height };
}
