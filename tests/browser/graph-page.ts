// What the graph browser tests read from a page: the drawing and the table node by node, the
// equation's TeX, the state a step leaves behind. Comparisons happen in Node, so the page code
// stays free of helper functions (the bundler's name helpers do not exist in the page).
import type { Page } from "playwright-core";
import { DISPLAY_STYLE } from "../../src/graph/equation-panel.ts";
import { formatValues } from "../../src/graph/format.ts";
import { nodeTextLines } from "../../src/graph/node-text.ts";
import { type StepIndex, stepAt } from "../../src/graph/step-index.ts";

/** One node as the page shows it: the SVG group and the text alternative's row. */
export interface ShownNode {
  readonly id: string;
  readonly cls: string;
  /** The node's text lines in the drawing: role (CSS class), text, and whether it shows. */
  readonly lines: readonly { role: string; text: string; visible: boolean }[];
  readonly row: { value: string; grad: string; current: boolean } | null;
}

/** Every node of the view `root` (a CSS selector), in the drawing and in the table. */
export function shownNodes(page: Page, root: string): Promise<ShownNode[]> {
  return page.$$eval(
    `${root} .graph-svg g[data-node]`,
    (groups, rootSel) =>
      groups.map((g) => {
        const id = g.getAttribute("data-node") ?? "";
        const row = document.querySelector(`${rootSel} .graph-table tr[data-node="${id}"]`);
        return {
          id,
          cls: g.getAttribute("class") ?? "",
          lines: [...g.querySelectorAll("text:is(.label, .value, .grad)")].map((t) => ({
            role: t.classList.contains("label")
              ? "label"
              : t.classList.contains("grad")
                ? "grad"
                : "value",
            text: t.textContent ?? "",
            visible: getComputedStyle(t).visibility !== "hidden",
          })),
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

/** The TeX of each equation line shown (KaTeX keeps it in the MathML annotation). */
export async function equationTex(page: Page, root: string): Promise<string[]> {
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
export function stepState(page: Page, root: string): Promise<Record<string, string>> {
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
