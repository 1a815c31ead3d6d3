// What the graph browser tests read from a page: the drawing and the table node by node, the
// equation's TeX, the state a step leaves behind. Comparisons happen in Node, so the page code
// stays free of helper functions (the bundler's name helpers do not exist in the page).
import type { Page } from "playwright-core";
import { nodeTextLines } from "../../src/graph/layout/node-text.ts";
import { formatValues } from "../../src/graph/model/format.ts";
import { type StepIndex, stepAt } from "../../src/graph/model/step-index.ts";
import { DISPLAY_STYLE } from "../../src/graph/render/equation-panel.ts";

/** One node as the page shows it: the SVG group and the text alternative's row. */
export interface ShownNode {
  readonly id: string;
  readonly cls: string;
  /** The node's text lines in the drawing: role (CSS class), text, and whether it shows. */
  readonly lines: readonly { role: string; text: string; visible: boolean }[];
  readonly row: { value: string; grad: string; current: boolean } | null;
}

/** Waits until the view's text alternative has caught up with the drawing (in idle time). */
export async function tableSettled(page: Page, root: string): Promise<void> {
  await page.waitForSelector(`${root} .graph-table-box:not([aria-busy]) tr[data-node]`, {
    state: "attached",
  });
}

/** Every node of the view `root` (a CSS selector), in the drawing and in the table. */
export async function shownNodes(page: Page, root: string): Promise<ShownNode[]> {
  await tableSettled(page, root);
  return page.$$eval(
    `${root} .graph-svg g[data-node]`,
    (groups, rootSel) =>
      groups.map((g) => {
        const id = g.getAttribute("data-node") ?? "";
        const row = document.querySelector(`${rootSel} .graph-table tr[data-node="${id}"]`);
        return {
          id,
          cls: g.getAttribute("class") ?? "",
          // Values and gradients are drawn over the node from a group of their own.
          lines: [g, ...(g.closest("svg")?.querySelectorAll(`[data-numbers="${id}"]`) ?? [])]
            .flatMap((part) => [...part.querySelectorAll("text:is(.label, .value, .grad)")])
            .map((t) => {
              const style = getComputedStyle(t);
              return {
                role: t.classList.contains("label")
                  ? "label"
                  : t.classList.contains("grad")
                    ? "grad"
                    : "value",
                text: t.textContent ?? "",
                visible: style.display !== "none" && style.visibility !== "hidden",
              };
            }),
          row: row
            ? {
                value: row.querySelector(".value")?.textContent ?? "",
                grad: row.querySelector(".grad")?.textContent ?? "",
                current: row.classList.contains("current"),
              }
            : null,
        };
      }),
    root,
  );
}

/** Waits until the equation shown is typeset (KaTeX loads when a view first comes near). */
export async function typeset(page: Page, root: string): Promise<void> {
  await page.waitForFunction(
    (sel) => !document.querySelector(`${sel} .graph-equation .is-shown .eq-pending`),
    root,
  );
}

/** The TeX of each equation line shown (KaTeX keeps it in the MathML annotation). */
export async function equationTex(page: Page, root: string): Promise<string[]> {
  await typeset(page, root);
  const tex = await page.$$eval(`${root} .graph-equation .is-shown annotation`, (els) =>
    els.map((e) => e.textContent ?? ""),
  );
  return tex.map((t) => (t.startsWith(DISPLAY_STYLE) ? t.slice(DISPLAY_STYLE.length) : t));
}

/** The label of the node the current step is about, or null at the start. */
export function currentLabel(page: Page, root: string): Promise<string | null> {
  return page.evaluate(
    (sel) => document.querySelector(`${sel} .node.current .label`)?.textContent ?? null,
    root,
  );
}

/**
 * Everything a step changes: the drawing, the equation shown (its hidden neighbours are a cache
 * and come and go in idle time), the ledger, the table and the toolbar.
 */
export async function stepState(page: Page, root: string): Promise<Record<string, string>> {
  await typeset(page, root);
  await tableSettled(page, root);
  return page.$eval(root, (el) => ({
    position: el.getAttribute("data-position") ?? "",
    drawing: el.querySelector(".graph-canvas")?.innerHTML ?? "",
    equation: el.querySelector(".graph-equation .is-shown")?.outerHTML ?? "",
    ledger: el.querySelector(".graph-ledger .is-shown")?.outerHTML ?? "",
    table: el.querySelector(".graph-table-box")?.innerHTML ?? "",
    toolbar: el.querySelector(".graph-toolbar")?.textContent ?? "",
  }));
}

/** The stepper position of the view `root`. */
export async function positionOf(page: Page, root: string): Promise<number> {
  return Number(await page.getAttribute(root, "data-position"));
}

/**
 * What differs between the drawing, the table and the trace at `position`: every node drawn
 * with the lines node-text.ts gives it, its value shown exactly when computed and its
 * gradient exactly when the backward pass has reached it — in the drawing and in the table
 * alike — and the current step marked in both. Empty when they all agree.
 */
export function mismatches(
  shown: readonly ShownNode[],
  index: StepIndex,
  position: number,
): string[] {
  const out: string[] = [];
  const byId = new Map(index.trace.nodes.map((n) => [n.id, n]));
  if (shown.length !== index.trace.nodes.length)
    out.push(`${shown.length} nodes drawn, ${index.trace.nodes.length} traced`);
  const current = stepAt(index, position)?.node;
  for (const s of shown) {
    const node = byId.get(s.id);
    if (!node || !s.row) {
      out.push(`${s.id}: not in the trace or not in the table`);
      continue;
    }
    const lines = nodeTextLines(node).map(
      (l) => `${node.kind === "constant" ? "value" : l.role}:${l.text}`,
    );
    const drawn = s.lines.map((l) => `${l.role}:${l.text}`);
    if (drawn.join("|") !== lines.join("|")) out.push(`${node.label}: drawn ${drawn} / ${lines}`);
    const known = (index.valueAt.get(node.id) ?? 0) <= position;
    const graded = (index.gradAt.get(node.id) ?? Number.POSITIVE_INFINITY) <= position;
    const valueShown = s.lines.filter((l) => l.role === "value").every((l) => l.visible);
    const gradShown = s.lines.some((l) => l.role === "grad" && l.visible);
    if (valueShown !== known)
      out.push(`${node.label}: value shown ${valueShown}, computed ${known}`);
    if (gradShown !== (graded && node.grad !== null))
      out.push(`${node.label}: gradient shown ${gradShown}, reached ${graded}`);
    const value = known ? formatValues(node.value, 16) : "not computed yet";
    if (s.row.value !== value)
      out.push(`${node.label}: table value ${s.row.value}, expected ${value}`);
    const grad = graded && node.grad ? formatValues(node.grad, 16) : "—";
    if (!s.row.grad.startsWith(grad))
      out.push(`${node.label}: table gradient ${s.row.grad}, expected ${grad}`);
    const isCurrent = node.id === current;
    if (s.cls.includes(" current ") !== isCurrent || s.row.current !== isCurrent)
      out.push(`${node.label}: current in drawing ${s.cls}, in table ${s.row.current}`);
  }
  return out;
}

/** OKLab to sRGB (0–1 each), after Björn Ottosson's definition of OKLab. */
function fromOklab(L: number, a: number, b: number): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  const encode = (v: number): number => {
    const c = Math.min(1, Math.max(0, v));
    return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  };
  return [encode(linear[0] ?? 0), encode(linear[1] ?? 0), encode(linear[2] ?? 0)];
}

/** The colour of a computed style value (`rgb(…)`, `color(srgb …)`, `oklab(…)`), 0–1 each. */
export function parseColour(value: string): [number, number, number] | null {
  const rgb = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(value);
  if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(value);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])];
  const lab = /^oklab\(([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(value);
  if (lab) return fromOklab(Number(lab[1]), Number(lab[2]), Number(lab[3]));
  return null;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: [number, number, number], b: [number, number, number]): number {
  const lin = (v: number): number => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const lum = ([r, g, bl]: [number, number, number]): number =>
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** Each visible text line of a node with its colour and the fill of the shape it sits on. */
export function nodeTextColours(
  page: Page,
  root: string,
): Promise<{ node: string; text: string; colour: string; fill: string }[]> {
  return page.$$eval(`${root} .graph-svg g[data-node]`, (groups) =>
    groups.flatMap((g) => {
      const fill = getComputedStyle(g.querySelector(".shape") as Element).fill;
      // Values and gradients are drawn over the node from a group of their own.
      const id = g.getAttribute("data-node") ?? "";
      const numbers = g.closest("svg")?.querySelector(`[data-numbers="${id}"]`);
      return [g, ...(numbers ? [numbers] : [])]
        .flatMap((part) => [...part.querySelectorAll("text:is(.label, .value, .grad)")])
        .filter((t) => {
          const style = getComputedStyle(t);
          return style.display !== "none" && style.visibility !== "hidden";
        })
        .map((t) => ({
          node: g.getAttribute("data-node") ?? "",
          text: t.textContent ?? "",
          colour: getComputedStyle(t).fill,
          fill,
        }));
    }),
  );
}
