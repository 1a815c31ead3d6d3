// On a 390 px phone, a reader who scrolls to a control (slider or menu) sees what it changes on
// the same screen: the control and the figure it drives both inside the viewport, below the
// sticky header, and nothing covering the control. Checked for each page's first control and
// for the first control of each `::: columns` block (a figure beside the controls that move it).
// The figure is found from the page's own cells, not listed by hand: a drawing (plot, table,
// SVG, canvas) on the control's slide shown by a cell that uses its value, directly or through
// other cells, or drawn by the control's own cell; else any output on its slide; else the
// nearest drawing further away. Screenshots, light and dark, go to SCREENSHOT_DIR.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { DIST, launchBrowser, SCREENSHOT_DIR, type StaticServer, serveStatic } from "./harness.ts";

const PHONE = { width: 390, height: 844 };

/** Every chapter and lab of the built site, as URL paths. */
function pagesWithCells(): string[] {
  return ["chapters", "labs"].flatMap((dir) =>
    readdirSync(join(DIST, dir))
      .sort()
      .map((name) => `${dir}/${name}/`),
  );
}

/** A box in viewport pixels. */
interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Found {
  control: string;
  figure: string;
  /** Top of the room the page scrolls under (the sticky header's bottom). */
  headerBottom: number;
  controlBox: Box;
  figureBox: Box;
  /** Whether taps along the control reach it (nothing covers it). */
  controlOnTop: boolean;
}

/**
 * The pairs to check: the page's first slider or menu and the figure it drives, and in each
 * `::: columns` block (a figure beside the controls that drive it) its first control and its
 * figure. Each pair is scrolled to just under the header and measured. Controls inside closed
 * `<details>` are opened first, as a reader would.
 */
function measure(page: Page, index: number): Promise<Found | null> {
  return page.evaluate(async (index) => {
    const CONTROLS = "input[type=range], select";
    const DRAWINGS = "svg, canvas, img, table";
    const usable = (e: HTMLElement): boolean =>
      !e.closest(".cell-editor") && !(e as HTMLInputElement).disabled;
    const all = [...document.querySelectorAll<HTMLElement>(`main .cell :is(${CONTROLS})`)].filter(
      usable,
    );
    if (all.length === 0) return null;
    const notebook = window.__notebook;
    if (!notebook) throw new Error("the page has controls but no notebook");
    const cells = notebook.cells();
    const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
    const after = (a: Element, b: Element): boolean =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
    // The drawing itself, not the whole cell (a cell may hold buttons, a status line, two plots).
    const drawingIn = (root: Element | null | undefined): HTMLElement | undefined =>
      [...(root?.querySelectorAll<HTMLElement>(DRAWINGS) ?? [])].find(
        (e) =>
          !e.closest("form, button") &&
          !e.parentElement?.closest("svg") &&
          e.getBoundingClientRect().height > 40,
      );
    /** Outputs of cells using the control's cell's names (directly or through other cells). */
    const usersOf = (control: HTMLElement): HTMLElement[] => {
      const own = cells.find(
        (c) => c.id === control.closest<HTMLElement>("[data-cell]")?.dataset.cell,
      );
      const names = new Set(own?.outputs ?? []);
      const uses = new Set<string>();
      for (let grew = true; grew; ) {
        grew = false;
        for (const cell of cells) {
          if (cell.id === own?.id || uses.has(cell.id)) continue;
          if (cell.inputs.some((n) => names.has(n))) {
            uses.add(cell.id);
            for (const n of cell.outputs) names.add(n);
            grew = true;
          }
        }
      }
      return [...document.querySelectorAll<HTMLElement>("main [data-cell]")].filter(
        (e) => uses.has(e.dataset.cell ?? "") && e.getBoundingClientRect().height > 4,
      );
    };
    /** Nearest first: the first one below the control, else the last one above it. */
    const nearest = <T extends Element>(control: Element, found: T[]): T | undefined =>
      found.find((e) => after(control, e)) ?? found.filter((e) => !after(control, e)).at(-1);
    /**
     * The figure a control drives: a drawing on its own slide (in its own cell, or in a cell
     * using its value), else any output on its slide, else a drawing further away.
     */
    const figureOf = (control: HTMLElement): HTMLElement | undefined => {
      const slide = control.closest("section") ?? document.body;
      const users = usersOf(control);
      const here = users.filter((e) => slide.contains(e));
      const drawings = (list: HTMLElement[]): HTMLElement[] =>
        list.map((e) => drawingIn(e)).filter((e): e is HTMLElement => e !== undefined);
      return (
        nearest(control, drawings(here)) ??
        drawingIn(control.closest("[data-cell]")) ??
        nearest(control, here) ??
        nearest(control, drawings(users)) ??
        nearest(control, users)
      );
    };
    const pairs: [HTMLElement, HTMLElement | undefined][] = [[all[0], figureOf(all[0])]];
    for (const columns of document.querySelectorAll("main .slide-columns")) {
      const control = all.find((e) => e.closest(".slide-columns-side")?.parentElement === columns);
      if (control && control !== all[0])
        pairs.push([control, drawingIn(columns.firstElementChild) ?? figureOf(control)]);
    }
    const header = document.querySelector(".site-header");
    const headerBottom =
      header && ["sticky", "fixed"].includes(getComputedStyle(header).position)
        ? header.getBoundingClientRect().bottom
        : 0;
    // What shows of an element: its box cut by the boxes that clip it (a figure wider than
    // the phone in a box that scrolls sideways shows as that box).
    const boxOf = (e: Element): Box => {
      const r = e.getBoundingClientRect();
      const box = { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const clip = a.getBoundingClientRect();
        if (style.overflowX !== "visible") {
          box.left = Math.max(box.left, clip.left);
          box.right = Math.min(box.right, clip.right);
        }
        if (style.overflowY !== "visible") {
          box.top = Math.max(box.top, clip.top);
          box.bottom = Math.min(box.bottom, clip.bottom);
        }
      }
      return box;
    };
    const labelOf = (e: HTMLElement): string =>
      (e.getAttribute("aria-labelledby") &&
        document.getElementById(e.getAttribute("aria-labelledby") ?? "")?.textContent) ||
      e.closest("form")?.querySelector("label")?.textContent ||
      e.getAttribute("aria-label") ||
      e.tagName;
    if (index >= pairs.length) return null;
    {
      const [control, figure] = pairs[index];
      const name = `${control.tagName.toLowerCase()} "${labelOf(control).trim()}" (cell ${control.closest<HTMLElement>("[data-cell]")?.dataset.cell})`;
      if (!figure) throw new Error(`nothing on the page shows what ${name} changes`);
      for (const details of [...document.querySelectorAll("details")].filter(
        (d) => !d.open && (d.contains(control) || d.contains(figure)),
      )) {
        details.open = true;
        await frame();
      }
      // The reader scrolls to the control: the pair's top just under the header. Settled when
      // a further frame moves nothing (a plot drawn on coming near, say).
      let c = boxOf(control);
      let f = boxOf(figure);
      for (let tries = 0; tries < 20; tries++) {
        window.scrollBy(0, Math.min(c.top, f.top) - headerBottom - 8);
        await frame();
        await frame();
        c = boxOf(control);
        f = boxOf(figure);
        await frame();
        if (JSON.stringify([c, f]) === JSON.stringify([boxOf(control), boxOf(figure)])) break;
      }
      // A tap anywhere along the control reaches it (left end, middle, right end).
      const middle = (c.top + c.bottom) / 2;
      const reached = [c.left + 3, (c.left + c.right) / 2, c.right - 3].every((x) => {
        const hit = document.elementFromPoint(x, middle);
        return hit === control || control.contains(hit);
      });
      return {
        control: name,
        figure: `${figure.tagName.toLowerCase()} in cell ${figure.closest<HTMLElement>("[data-cell]")?.dataset.cell}`,
        headerBottom,
        controlBox: c,
        figureBox: f,
        controlOnTop: reached,
      };
    }
  }, index);
}

describe("phone (390 px): the first control and the figure it drives on one screen", () => {
  let browser: Browser;
  let server: StaticServer;
  before(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    browser = await launchBrowser();
    server = await serveStatic(DIST);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const path of pagesWithCells()) {
    it(path, async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({
          viewport: PHONE,
          isMobile: true,
          hasTouch: true,
          colorScheme,
        });
        try {
          const page = await context.newPage();
          await page.goto(`${server.url}/${path}`);
          await page.waitForFunction(() => window.__notebook?.settledAt !== undefined, undefined, {
            timeout: 30_000,
          });
          // The test runner's TypeScript transform names inner functions through `__name`.
          await page.evaluate("globalThis.__name ??= (f) => f");
          for (let index = 0; ; index++) {
            const pair = await measure(page, index);
            if (pair === null) break;
            await page.screenshot({
              path: join(
                SCREENSHOT_DIR,
                `phone-controls-${path.replace(/\W+/g, "-")}${index}-${colorScheme}.png`,
              ),
            });
            if (colorScheme === "dark") continue; // the same layout; the screenshot is for a person
            const { controlBox: c, figureBox: f, headerBottom } = pair;
            const inView = (b: Box): boolean =>
              b.top >= headerBottom - 1 &&
              b.bottom <= PHONE.height + 1 &&
              b.left >= -1 &&
              b.right <= PHONE.width + 1;
            const where = `${pair.control} → ${pair.figure}: control ${Math.round(c.top)}–${Math.round(c.bottom)}, figure ${Math.round(f.top)}–${Math.round(f.bottom)} (x ${Math.round(f.left)}–${Math.round(f.right)}), room ${Math.round(headerBottom)}–${PHONE.height}`;
            assert.ok(inView(c), `control off screen: ${where}`);
            assert.ok(inView(f), `figure off screen: ${where}`);
            assert.ok(pair.controlOnTop, `something covers the control: ${where}`);
          }
        } finally {
          await context.close();
        }
      }
    });
  }
});
