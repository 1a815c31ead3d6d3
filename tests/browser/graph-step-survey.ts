// Measures a backprop stepper on the current slide as the room sees it, part by part: node
// labels, values, op captions, the equation, the ledger, the toolbar, the legend and the status
// line. Each text run's size is its computed font size times every transform above it (the
// deck's scale, the drawing's viewBox), in screen pixels. Only what can be seen counts: hidden
// neighbours of the shown step, screen-reader copies, and lines scrolled out of a panel's box.
// A panel whose content is cut by its box must say so (a cue) and scroll (a Tab stop).
import type { Page } from "playwright-core";

/** The current slide's stepper. */
export const STEPPER = "article.chapter > section.slide.is-current .graph-view";

/** The parts of a stepper whose text is measured. */
export const STEPPER_PARTS = [
  "label",
  "value",
  "op",
  "equation",
  "ledger",
  "toolbar",
  "legend",
  "status",
] as const;
export type StepperPart = (typeof STEPPER_PARTS)[number];

/** One step as measured. */
export interface StepSurvey {
  readonly position: number;
  /** Smallest text of each part shown at this step, px on screen. */
  readonly smallest: Partial<Record<StepperPart, number>>;
  /** The text drawn smallest in each part. */
  readonly text: Partial<Record<StepperPart, string>>;
  /** Panels whose content runs past their box without a cue and a way to scroll it. */
  readonly cutSilently: readonly string[];
  /** Whether the node the step is about lies inside the drawing's box (true at the start). */
  readonly currentInSight: boolean;
  /** Panels whose step is larger than their box, scrolling with a cue. */
  readonly scrolling: readonly string[];
  /** The slide's scale and overflow mark (the deck's): neither may change while stepping. */
  readonly scale: string;
  readonly overflow: string;
}

/** Measures the stepper on the current slide (runs in the page). */
export function measureStepper(): StepSurvey {
  const view = document.querySelector<HTMLElement>(
    "article.chapter > section.slide.is-current .graph-view",
  );
  if (!view) throw new Error("no stepper on the current slide");
  const slide = view.closest("section") as HTMLElement;
  const smallest: Record<string, number> = {};
  const text: Record<string, string> = {};
  const cssScale = (start: Element): number => {
    let scale = 1;
    for (let el: Element | null = start; el; el = el.parentElement) {
      const t = getComputedStyle(el).transform;
      if (t && t !== "none") {
        const m = new DOMMatrixReadOnly(t);
        scale *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      }
    }
    return scale;
  };
  const partOf = (el: Element): string => {
    if (el.closest(".graph-toolbar")) return "toolbar";
    if (el.closest(".graph-svg")) {
      if (el.closest("text")?.classList.contains("label")) return "label";
      return el.closest(".value, .grad") ? "value" : "op";
    }
    if (el.closest(".graph-equation")) return "equation";
    if (el.closest(".graph-ledger")) return "ledger";
    if (el.closest(".graph-legend, .graph-key")) return "legend";
    return "status";
  };
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = (node.nodeValue ?? "").trim();
    const el = node.parentElement;
    if (!words || !el) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    let unseen = false;
    for (let at: Element | null = el; at && at !== view; at = at.parentElement) {
      if (getComputedStyle(at).clipPath !== "none" || at.classList.contains("katex-mathml")) {
        unseen = true;
        break;
      }
    }
    if (unseen) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    let rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    // Inside a panel or the drawing, only what lies within its box is seen.
    const box = el.closest(".graph-equation, .graph-ledger, .graph-canvas");
    if (box) {
      const b = box.getBoundingClientRect();
      rects = rects.filter(
        (r) =>
          r.bottom > b.top + 1 &&
          r.top < b.bottom - 1 &&
          r.right > b.left + 1 &&
          r.left < b.right - 1,
      );
    }
    if (rects.length === 0) continue;
    const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
    const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
    const scale = ctm ? Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) : cssScale(el);
    const size = Math.round(fontSize * scale * 10) / 10;
    const part = partOf(el);
    if (smallest[part] === undefined || size < (smallest[part] ?? 0)) {
      smallest[part] = size;
      text[part] = words.slice(0, 30);
    }
  }
  const cutSilently: string[] = [];
  const scrolling: string[] = [];
  for (const box of view.querySelectorAll<HTMLElement>(".graph-equation, .graph-ledger")) {
    const shown = box.querySelector<HTMLElement>(":scope > .is-shown");
    if (!shown) continue;
    const b = box.getBoundingClientRect();
    const s = shown.getBoundingClientRect();
    // The box's drawn size over its layout size, per axis: offsetWidth/Height are whole
    // pixels, so one ratio for both axes would misjudge a full-width box by a few pixels.
    const scaleY = b.height / Math.max(1, box.offsetHeight);
    const scaleX = b.width / Math.max(1, box.offsetWidth);
    const contentBottom = s.top + (shown.scrollHeight - shown.scrollTop) * scaleY;
    const contentRight = s.left + shown.scrollWidth * scaleX;
    const cut = contentBottom > b.bottom + 2 || contentRight > b.right + 2;
    const name = box.classList.contains("graph-ledger") ? "ledger" : "equation";
    if (box.dataset.more !== undefined) scrolling.push(name);
    const scrolls = shown.tabIndex === 0 && getComputedStyle(shown).overflowY === "auto";
    if (cut && (!scrolls || box.dataset.more === undefined)) cutSilently.push(name);
  }
  // A drawing larger than its box scrolls to the step's node (scroll-follow.ts).
  const current = view.querySelector(".graph-svg g[data-node].current");
  const canvas = view.querySelector(".graph-canvas")?.getBoundingClientRect();
  const node = current?.getBoundingClientRect();
  const currentInSight =
    !node ||
    !canvas ||
    (node.left >= canvas.left - 1 &&
      node.right <= canvas.right + 1 &&
      node.top >= canvas.top - 1 &&
      node.bottom <= canvas.bottom + 1);
  return {
    position: Number(view.dataset.position),
    currentInSight,
    smallest,
    text,
    cutSilently,
    scrolling,
    scale: slide.style.getPropertyValue("--slide-scale"),
    overflow: slide.dataset.overflow ?? "",
  };
}

/** Waits until the stepper on the current slide shows `position` and its panels are fitted. */
export async function stepShown(page: Page, position: number): Promise<void> {
  await page.waitForFunction(
    ([sel, at]) => {
      const view = document.querySelector<HTMLElement>(sel);
      if (Number(view?.dataset.position) !== at) return false;
      // Typeset (no placeholder left) and fonts in: the fit is final.
      if (view?.querySelector(".graph-equation > .is-shown .eq-pending")) return false;
      return document.fonts.status === "loaded";
    },
    [STEPPER, position] as const,
    { polling: 20, timeout: 20_000 },
  );
  // The panels are fitted in the same task as the step; the drawing follows the step's node in
  // the next frame (at once with reduced motion, smoothly without): two frames and it is there.
  await page.evaluate(
    () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
  );
}

/** The 1-based numbers of the slides holding a stepper in the open deck. */
export function stepperSlides(page: Page): Promise<number[]> {
  return page.$$eval("article.chapter > section.slide", (slides) =>
    slides.flatMap((s, i) => (s.querySelector(".graph-view") ? [i + 1] : [])),
  );
}

/** The last position of the stepper on the current slide ("step 3 of 24" says 24). */
export async function lastPosition(page: Page): Promise<number> {
  const words = await page.locator(`${STEPPER} .graph-position`).textContent();
  return Number(words?.match(/of (\d+)/)?.[1]);
}
