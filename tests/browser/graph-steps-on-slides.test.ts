// Every step of every backprop stepper on a slide, as the room sees it: each deck whose
// chapter or lab draws a graph.view is opened at 1280×720 (16:9) and at 1024×768 as a 4:3
// deck, and each stepper slide is walked with → (a clicker's key) from the first step to the
// last. At each step every part of the stepper (node labels, values, op captions, equation,
// ledger, toolbar) is measured on screen: none may be under 12 px, the panels (which the view
// fits to their boxes) none under 14 px, and a panel that cannot show all of a step at that size
// must say so and scroll rather than cut it off silently. The slide is never rescaled. After the
// last step → moves the deck on, and one ← comes back to the finished stepper.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  lastPosition,
  measureStepper,
  STEPPER,
  STEPPER_PARTS,
  type StepSurvey,
  stepperSlides,
  stepShown,
} from "./graph-step-survey.ts";
import {
  DIST,
  deckShown,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
} from "./harness.ts";
import { showSlide } from "./slide-survey.ts";

/** Nothing on a slide under this; the panels, fitted by the view, not under PANEL_FLOOR. */
const TEXT_FLOOR = 12;
const PANEL_FLOOR = 14;

/** The decks whose source draws a stepper (a chapter's or lab's `graph.view(`). */
function stepperDecks(): string[] {
  const decks: string[] = [];
  for (const [folder, path] of [
    ["content", "chapters"],
    ["notebooks", "labs"],
  ] as const) {
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith(".md"))
      .sort()) {
      if (readFileSync(join(folder, file), "utf8").includes("graph.view("))
        decks.push(`/${path}/${file.replace(/\.md$/, "")}/`);
    }
  }
  return decks;
}

let browser: Browser;
let server: StaticServer;

before(async () => {
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Goes to slide `n` of the open deck and waits for its stepper to be drawn at its start. */
async function openSlide(page: Page, n: number): Promise<void> {
  await showSlide(page, n);
  // A stepper kept in a collapsed box (the lab's "Step through it on the graph") is opened, as
  // an instructor would.
  await page.evaluate(() => {
    const box = document.querySelector<HTMLDetailsElement>(
      "article.chapter > section.slide.is-current details:has(.graph-view)",
    );
    if (box) box.open = true;
  });
  await page.waitForSelector(`${STEPPER} .graph-svg`, { timeout: 20_000 });
}

/** The problems of one step, as messages naming the deck, slide and step. */
function problems(where: string, m: StepSurvey): string[] {
  const found: string[] = [];
  for (const part of STEPPER_PARTS) {
    const px = m.smallest[part];
    if (px === undefined) continue;
    const floor = part === "equation" || part === "ledger" ? PANEL_FLOOR : TEXT_FLOOR;
    if (px < floor)
      found.push(`${where}: ${part} "${m.text[part]}" drawn at ${px} px (floor ${floor})`);
  }
  for (const panel of m.cutSilently)
    found.push(`${where}: the ${panel} runs past its box with no cue and no way to scroll it`);
  if (!m.currentInSight) found.push(`${where}: the step's node is out of sight`);
  if (m.overflow) found.push(`${where}: the slide overflows (${m.overflow})`);
  return found;
}

/** Walks every stepper slide of `deck`; returns the problems and prints each part's least size. */
async function walkDeck(
  page: Page,
  deck: string,
  label: string,
  aspect: string,
): Promise<string[]> {
  await page.goto(`${server.url}${deck}?slides${aspect ? `&aspect=${aspect}` : ""}`);
  await deckShown(page);
  await page.evaluate("globalThis.__name ??= (f) => f");
  const slides = await stepperSlides(page);
  const found: string[] = [];
  if (slides.length === 0) found.push(`${deck}: no stepper on any slide`);
  for (const slide of slides) {
    await openSlide(page, slide);
    const last = await lastPosition(page);
    assert.ok(last > 0, `${deck} slide ${slide}: the stepper has steps`);
    const seen: StepSurvey[] = [];
    for (let step = 0; step <= last; step++) {
      if (step > 0) await page.keyboard.press("ArrowRight");
      await stepShown(page, step);
      const m = await page.evaluate(measureStepper);
      seen.push(m);
      // For a person to look at: the first step whose panel scrolls, and the last step.
      const first =
        m.scrolling.length > 0 && seen.filter((s) => s.scrolling.length > 0).length === 1;
      if (step === last || first) {
        const name = `${deck.split("/")[2]}-slide${slide}-${label.replace(/\W+/g, "")}-step${step}.png`;
        await page.screenshot({ path: join(SCREENSHOT_DIR, `graph-steps-${name}`) });
      }
      found.push(...problems(`${deck}#slide-${slide} ${label} step ${step}`, m));
    }
    const scales = new Set(seen.map((m) => m.scale));
    if (scales.size > 1) found.push(`${deck}#slide-${slide} ${label}: the slide was rescaled`);
    const least = STEPPER_PARTS.map((part) => {
      const sizes = seen.flatMap((m) => (m.smallest[part] === undefined ? [] : [m.smallest[part]]));
      return `${part} ${sizes.length ? Math.min(...sizes).toFixed(1) : "-"}`;
    });
    const scrolled = seen.filter((m) => m.scrolling.length > 0).map((m) => m.position);
    console.log(
      `${deck}#slide-${slide} ${label}, ${last + 1} steps: ${least.join(", ")}; a panel scrolls at ${scrolled.length ? `steps ${scrolled.join(" ")}` : "no step"}`,
    );
    // A clicker: → after the last step moves the deck on; one ← comes back to the stepper,
    // which kept its place.
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      (n) =>
        !document
          .querySelectorAll("article.chapter > section.slide")
          [n - 1]?.classList.contains("is-current"),
      slide,
      { polling: 50 },
    );
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(
      (n) =>
        document
          .querySelectorAll("article.chapter > section.slide")
          [n - 1]?.classList.contains("is-current"),
      slide,
      { polling: 50 },
    );
    const kept = await page.$eval(STEPPER, (v) => Number((v as HTMLElement).dataset.position));
    if (kept !== last) found.push(`${deck}#slide-${slide} ${label}: ← came back to step ${kept}`);
  }
  return found;
}

describe("every step of every stepper on a slide", () => {
  for (const [width, height, aspect] of [
    [1280, 720, ""],
    [1024, 768, "4:3"],
  ] as const) {
    const label = `${width}×${height}${aspect ? ` ${aspect}` : ""}`;
    test(`${label}: no text under ${TEXT_FLOOR} px, the equation and ledger not under ${PANEL_FLOOR} px, nothing cut off silently`, async () => {
      const { page, errors } = await openWatchedPage(browser, server.url);
      await page.setViewportSize({ width, height });
      // A drawing that scrolls follows the step's node at once, not smoothly, so each step can
      // be measured as soon as it shows.
      await page.emulateMedia({ reducedMotion: "reduce" });
      const found: string[] = [];
      const decks = stepperDecks();
      assert.ok(decks.length >= 4, `${decks.length} decks draw a stepper`);
      for (const deck of decks) found.push(...(await walkDeck(page, deck, label, aspect)));
      await page.close();
      assert.deepEqual(found, [], found.join("\n"));
      assert.deepEqual(errors, []);
    });
  }
});
