// Walks a built deck slide by slide and measures what a lecture hall sees: the size each text
// run is drawn at on screen (its computed font size times every transform above it, so a slide
// scaled to the window, a plot's viewBox and a shrunk panel all count), the median size of the
// slide's prose, and whether anything runs past the slide's edge.
import type { Page } from "playwright-core";
import { deckShown } from "./harness.ts";

/** One slide as measured. */
export interface SlideSurvey {
  /** 1-based place in the deck (the cover is 1). */
  readonly slide: number;
  /** `file:line` where the slide starts in the Markdown, when the build recorded it. */
  readonly source: string;
  /** The smallest text drawn on the slide, in screen pixels, and that text. */
  readonly smallest: number;
  readonly smallestText: string;
  /** Median size of the slide's prose (paragraphs and list items), by characters; 0 if none. */
  readonly proseMedian: number;
  /** The smallest prose text, in screen pixels (0 if none). */
  readonly proseSmallest: number;
  /**
   * How far the content runs past the slide's bottom and right edge at full size, in logical
   * pixels (the deck's own report, data-overflow: it shrinks such a slide until it is re-cut).
   */
  readonly overflow: { readonly x: number; readonly y: number };
  /**
   * The deck marked the slide as not fitting at full size although nothing runs past its
   * edges: something inside is too wide for its own box (data-overflow "0 0"), so the slide is
   * set smaller than the type scale's full size.
   */
  readonly innerOverflow: boolean;
  /** Text runs drawn partly outside the slide's box (cut off on the projector). */
  readonly outside: readonly string[];
  /**
   * Text runs and controls cut off by a box inside the slide that clips what overflows it (a
   * plot's SVG narrower than its title, a column cutting off its sliders' labels), or hidden
   * in a box that would have to be scrolled: inside the slide, yet not all on the projector.
   */
  readonly cut: readonly string[];
  /** The drawn size of the slide on screen. */
  readonly box: { readonly width: number; readonly height: number };
}

/** Measures the current slide (the function runs in the page). */
export function measureCurrent(): Omit<SlideSurvey, "slide"> {
  const section = document.querySelector<HTMLElement>("article.chapter > section.is-current");
  if (!section) throw new Error("no current slide");
  const slideBox = section.getBoundingClientRect();
  /** The product of the scales of every CSS transform from `el` up to the root. */
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
  /** Hidden from sight though laid out: screen-reader copies (KaTeX's MathML, live regions). */
  const clippedAway = (el: Element): boolean => {
    for (let at: Element | null = el; at && at !== section; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.clipPath !== "none" || (style.clip !== "auto" && style.clip !== "")) return true;
      if (at.classList.contains("katex-mathml")) return true;
    }
    return false;
  };
  /**
   * The first box between `el` and the slide that clips `rect` (overflow other than visible,
   * and `rect` reaching more than a pixel and a half past it on a clipped axis), described.
   */
  const clippedBy = (el: Element, rect: DOMRect): string | null => {
    // Along its line, a pixel and a half past the edge is a cut. Across it, a glyph's box is
    // its font's whole line (KaTeX's tall ∂ and ∑ and its accents overshoot a formula's box
    // with nothing of the ink lost, and a plot's turned axis title lies in the middle of a
    // line box that vega lets reach past the plot's edge), so 40 % of the line must be past
    // the edge. A y-axis title is turned a quarter: its line runs up the screen.
    const ctm = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
    const turned = ctm !== null && Math.abs(ctm.b) > Math.abs(ctm.a);
    const across = Math.max(1.5, (turned ? rect.width : rect.height) * 0.4);
    const pastX = turned ? across : 1.5;
    const pastY = turned ? 1.5 : across;
    for (let at: Element | null = el; at && at !== section; at = at.parentElement) {
      const style = getComputedStyle(at);
      const clipsX = style.overflowX !== "visible";
      // A box that scrolls sideways and hides nothing upwards (display math, code) grows with
      // its content's height: only glyph boxes reach past its top and bottom, never ink.
      const sidewaysOnly =
        (style.overflowX === "auto" || style.overflowX === "scroll") &&
        style.overflowY === "hidden";
      const clipsY = style.overflowY !== "visible" && !sidewaysOnly;
      if (!clipsX && !clipsY) continue;
      const box = at.getBoundingClientRect();
      if (
        (clipsX && (rect.left < box.left - pastX || rect.right > box.right + pastX)) ||
        (clipsY && (rect.top < box.top - pastY || rect.bottom > box.bottom + pastY))
      ) {
        const name = `${at.tagName.toLowerCase()}${typeof at.className === "string" && at.className ? `.${at.className.split(" ")[0]}` : ""}`;
        const by = Math.max(
          clipsX ? Math.max(box.left - rect.left, rect.right - box.right) : 0,
          clipsY ? Math.max(box.top - rect.top, rect.bottom - box.bottom) : 0,
        );
        return `${name} (overflow ${style.overflowX} ${style.overflowY}, ${by.toFixed(1)} px of ${rect.height.toFixed(1)})`;
      }
    }
    return null;
  };
  const runs: { size: number; text: string; chars: number; prose: boolean }[] = [];
  const outside: string[] = [];
  const cut: string[] = [];
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? "").trim();
    const el = node.parentElement;
    if (!text || !el) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (el.closest("aside.notes, script, style, title, desc") || clippedAway(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) continue;
    const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
    let scale: number;
    if (el instanceof SVGGraphicsElement) {
      // The screen CTM covers the SVG's own viewBox and transforms and the page's CSS ones.
      const m = el.getScreenCTM();
      scale = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : cssScale(el);
    } else scale = cssScale(el);
    const size = Math.round(fontSize * scale * 10) / 10;
    const prose =
      el.closest(
        "section.slide > p, section.slide > ul > li, section.slide > ol > li, .slide-columns > p, .slide-columns-side > p, :is(.slide-columns, .slide-columns-side) > :is(ul, ol) > li",
      ) !== null;
    runs.push({ size, text: text.slice(0, 40), chars: text.length, prose });
    for (const r of rects) {
      if (
        r.right > slideBox.right + 1 ||
        r.bottom > slideBox.bottom + 1 ||
        r.left < slideBox.left - 1 ||
        r.top < slideBox.top - 1
      ) {
        outside.push(text.slice(0, 40));
        break;
      }
    }
    for (const r of rects) {
      const by = clippedBy(el, r);
      if (by) {
        cut.push(`"${text.slice(0, 40)}" by ${by}`);
        break;
      }
    }
  }
  for (const control of section.querySelectorAll("input, select, button, textarea")) {
    if (!control.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (control.closest("aside.notes") || clippedAway(control)) continue;
    const r = control.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const by = control.parentElement ? clippedBy(control.parentElement, r) : null;
    const label =
      control.getAttribute("aria-label") ??
      (control as HTMLInputElement).labels?.[0]?.textContent?.trim() ??
      control.tagName.toLowerCase();
    if (by) cut.push(`the control "${label.slice(0, 40)}" by ${by}`);
  }
  let smallest = Number.POSITIVE_INFINITY;
  let smallestText = "";
  for (const run of runs) {
    if (run.size < smallest) {
      smallest = run.size;
      smallestText = run.text;
    }
  }
  // The prose median counts characters, so one short footnote does not weigh like a paragraph.
  const prose = runs.filter((r) => r.prose).sort((a, b) => a.size - b.size);
  const chars = prose.reduce((sum, r) => sum + r.chars, 0);
  let proseMedian = 0;
  for (let seen = 0, i = 0; i < prose.length; i++) {
    seen += prose[i]?.chars ?? 0;
    if (seen >= chars / 2) {
      proseMedian = prose[i]?.size ?? 0;
      break;
    }
  }
  return {
    source: section.dataset.source ?? "",
    smallest: Number.isFinite(smallest) ? smallest : 0,
    smallestText,
    proseMedian,
    proseSmallest: prose[0]?.size ?? 0,
    overflow: {
      x: Number(section.dataset.overflow?.split(" ")[0] ?? 0),
      y: Number(section.dataset.overflow?.split(" ")[1] ?? 0),
    },
    innerOverflow: section.dataset.overflow === "0 0",
    outside,
    cut,
    box: { width: slideBox.width, height: slideBox.height },
  };
}

/** Waits until the current slide's cells, plots and graphs have drawn. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const section = document.querySelector("article.chapter > section.is-current");
      if (!section) return false;
      if (section.querySelector(".cell-pending")) return false;
      // A plot cut off below the slide's end is never drawn (it waits to come into view).
      const bottom = section.getBoundingClientRect().bottom;
      for (const plot of section.querySelectorAll("figure.plot")) {
        if (plot.getBoundingClientRect().top >= bottom) continue;
        if (!plot.querySelector("svg") && !plot.classList.contains("plot-error")) return false;
      }
      for (const graph of section.querySelectorAll(".graph-view")) {
        if (!graph.querySelector("svg")) return false;
      }
      // An exercise opens its student's editor when it comes into view; its code loads then.
      for (const bar of section.querySelectorAll(".exercise-answer")) {
        if (!bar.querySelector(".cm-editor")) return false;
      }
      return document.fonts.status === "loaded";
    },
    undefined,
    { polling: 50, timeout: 20_000 },
  );
  await slideHeldStill(page);
}

/**
 * Waits until the current slide's drawn box and content height have held still for three frames
 * in a row: the deck refits on the frame after a size change (an editor opening, a verdict).
 */
export async function slideHeldStill(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const section = document.querySelector("article.chapter > section.is-current");
      if (!(section instanceof HTMLElement)) return false;
      const box = section.getBoundingClientRect();
      const shape = [box.x, box.y, box.width, box.height, section.scrollHeight].join(" ");
      const memo = globalThis as unknown as { surveyShape?: string; surveyStill?: number };
      memo.surveyStill = memo.surveyShape === shape ? (memo.surveyStill ?? 0) + 1 : 0;
      memo.surveyShape = shape;
      return memo.surveyStill >= 3;
    },
    undefined,
    { polling: "raf", timeout: 20_000 },
  );
}

/** Shows slide `n` (1-based) of the open deck and waits until it is the current one. */
export async function showSlide(page: Page, n: number): Promise<void> {
  await page.evaluate((k) => {
    location.hash = `#slide-${k}`;
  }, n);
  await page.waitForFunction(
    (k) =>
      document
        .querySelectorAll("article.chapter > section.slide")
        [k - 1]?.classList.contains("is-current"),
    n,
    { polling: 50 },
  );
}

/**
 * Opens `url` (a page of the built site; `?slides` is added, and `?aspect=` when given) and
 * measures every slide.
 */
export async function surveyDeck(page: Page, url: string, aspect?: string): Promise<SlideSurvey[]> {
  const address = new URL(url);
  address.searchParams.set("slides", "");
  if (aspect) address.searchParams.set("aspect", aspect);
  await page.goto(address.toString().replace("slides=", "slides"));
  await deckShown(page);
  // The test runner's TypeScript transform names inner functions through a `__name` helper
  // the page does not have; a no-op one lets measureCurrent run there as written.
  await page.evaluate("globalThis.__name ??= (f) => f");
  const count = await page.$$eval("article.chapter > section.slide", (s) => s.length);
  const surveys: SlideSurvey[] = [];
  for (let slide = 1; slide <= count; slide++) {
    await showSlide(page, slide);
    await settled(page);
    surveys.push({ slide, ...(await page.evaluate(measureCurrent)) });
  }
  return surveys;
}

/** Every deck of the built site: chapters, then labs (paths like `/chapters/01-x/`). */
export async function deckPaths(page: Page, origin: string): Promise<string[]> {
  await page.goto(`${origin}/`);
  const links = await page.$$eval("a[href]", (anchors) =>
    anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  const decks = links.filter((p) => /^\/(chapters|labs)\/[^/]+\/$/.test(p));
  return [...new Set(decks)].sort(
    (a, b) =>
      (a.startsWith("/labs") ? 1 : 0) - (b.startsWith("/labs") ? 1 : 0) || a.localeCompare(b),
  );
}

/** The floors of the type scale, in screen pixels (the targets are 24 and 14). */
export const PROSE_FLOOR = 20;
export const TEXT_FLOOR = 12;

/** Every way a deck's slides break the scale, as `file:line: message` lines. */
export function scaleProblems(deck: string, surveys: readonly SlideSurvey[]): string[] {
  const found: string[] = [];
  for (const s of surveys) {
    const where = s.source || `${deck}#slide-${s.slide}`;
    if (s.overflow.x > 0 || s.overflow.y > 0)
      found.push(
        `${where}: does not fit (${s.overflow.y} px too tall, ${s.overflow.x} px too wide)`,
      );
    if (s.innerOverflow)
      found.push(
        `${where}: does not fit at full size: something inside is too wide for its box (a long equation or code line, a wide table), so the deck sets the slide smaller`,
      );
    if (s.proseSmallest > 0 && s.proseSmallest < PROSE_FLOOR)
      found.push(`${where}: prose drawn at ${s.proseSmallest} px (floor ${PROSE_FLOOR})`);
    if (s.smallest > 0 && s.smallest < TEXT_FLOOR)
      found.push(`${where}: "${s.smallestText}" drawn at ${s.smallest} px (floor ${TEXT_FLOOR})`);
    if (s.outside.length > 0) found.push(`${where}: text outside the slide: "${s.outside[0]}"`);
    if (s.cut.length > 0)
      found.push(
        `${where}: cut off inside the slide: ${s.cut[0]}${s.cut.length > 1 ? ` (and ${s.cut.length - 1} more)` : ""}`,
      );
  }
  return found;
}

/**
 * Prints `url` as a deck the way the browser does (beforeprint, then print media) and lists
 * every element of every slide that lies outside its page, as `file:line: what`. Elements
 * inside a box that clips its own content are judged by that box.
 */
export async function printProblems(
  page: Page,
  url: string,
): Promise<{ slides: number; problems: string[] }> {
  const address = new URL(url);
  address.searchParams.set("slides", "");
  await page.emulateMedia({ media: null });
  await page.goto(address.toString().replace("slides=", "slides"));
  await deckShown(page);
  await page.evaluate("globalThis.__name ??= (f) => f");
  await page.evaluate(
    () => (window as { __notebook?: { settled?: Promise<unknown> } }).__notebook?.settled,
  );
  // Printing draws the plots still waiting off screen; they draw asynchronously, so the deck's
  // fit before printing is taken once they have (a printout made before that would fit the
  // slides as they were without them).
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll("figure.plot")).every(
        (plot) => plot.querySelector("svg") || plot.classList.contains("plot-error"),
      ),
    undefined,
    { polling: 50, timeout: 20_000 },
  );
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const result = await page.evaluate(() => {
    const problems: string[] = [];
    const sections = Array.from(
      document.querySelectorAll<HTMLElement>("article.chapter > section.slide"),
    );
    for (const section of sections) {
      const page = section.getBoundingClientRect();
      const where = section.dataset.source ?? `slide ${section.dataset.slide}`;
      if (page.width > 1280.5 || page.height > 720.5)
        problems.push(
          `${where}: printed ${page.width.toFixed(0)}×${page.height.toFixed(0)}, larger than its page`,
        );
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_ELEMENT, {
        acceptNode(node) {
          const el = node as Element;
          const style = getComputedStyle(el);
          if (style.display === "none" || style.visibility === "hidden")
            return NodeFilter.FILTER_REJECT;
          const parent = el.parentElement;
          // Inside a box that clips its content, only the box itself counts.
          if (parent && parent !== section && getComputedStyle(parent).overflow !== "visible")
            return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const r = (node as Element).getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (
          r.right > page.right + 1 ||
          r.bottom > page.bottom + 1 ||
          r.left < page.left - 1 ||
          r.top < page.top - 1
        ) {
          const el = node as Element;
          problems.push(
            `${where}: <${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""}> lies outside its page`,
          );
          break;
        }
      }
    }
    return { slides: sections.length, problems };
  });
  // Back to no emulation: page.pdf() prints with print styles only then.
  await page.emulateMedia({ media: null });
  return result;
}
