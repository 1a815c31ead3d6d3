// Controls on the slides of chapters 1–6, at 1280×720 and at 1024×768 as a 4:3 deck: every
// slider is long enough to drag from the lectern, sliders stacked in one cell start and end
// together (their number boxes share one width), and radio buttons and check boxes are drawn at
// the size of their labels. On the old rules a slider had 208 px beside a 140 px number box,
// six sliders of chapter 4 had no track at all, the sliders under each other started wherever
// their boxes ended, and a radio button was 13 px. A failure names the slide by `file:line`.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DIST, useDeckFixture } from "./harness.ts";
import { showSlide, slideHeldStill } from "./slide-survey.ts";

const DECKS = [
  "/chapters/01-feature-learning/",
  "/chapters/02-neurons-activations/",
  "/chapters/03-one-hidden-layer/",
  "/chapters/04-mlp-outputs-losses/",
  "/chapters/05-chain-rule/",
  "/chapters/06-backpropagation/",
];

/** The shortest track a slider may have on screen (as for chapters 7–11, deck-sliders.test.ts). */
const MIN_SLIDER = 120;
/** The smallest radio button or check box on screen: the browser's own is 13 px. */
const MIN_CHOICE = 16;

const SCREENS = [
  { name: "16:9", viewport: { width: 1280, height: 720 }, query: "?slides" },
  { name: "4:3", viewport: { width: 1024, height: 768 }, query: "?slides&aspect=4:3" },
];

const deck = useDeckFixture({ dir: DIST, needs: DECKS[0] });

interface Shown {
  sliders: { label: string; cell: number; formLeft: number; left: number; right: number }[];
  choices: { label: string; size: number }[];
}

/** The controls of the current slide, measured on screen. */
function controlsShown(page: Page): Promise<Shown> {
  return page.$eval("article.chapter > section.slide.is-current", (slide) => {
    // (No named helper functions in here: the test runner's compiler would wrap them in a helper
    // the page does not have.)
    const cells = Array.from(slide.querySelectorAll(".cell"));
    const sliders = Array.from(slide.querySelectorAll("input[type=range]")).map((input) => {
      const box = input.getBoundingClientRect();
      const form = input.closest("form")?.getBoundingClientRect();
      return {
        label: input.closest("form")?.querySelector("label")?.textContent?.trim() ?? "(no label)",
        cell: cells.indexOf(input.closest(".cell") as Element),
        formLeft: Math.round(form?.left ?? 0),
        left: box.left,
        right: box.right,
      };
    });
    const choices = Array.from(
      slide.querySelectorAll("input[type=radio], input[type=checkbox]"),
    ).flatMap((input) => {
      if (input.closest(".graph-view")) return []; // the stepper's toolbar keeps its own size
      const box = input.getBoundingClientRect();
      if (box.width === 0) return [];
      const label =
        input.closest("form")?.querySelector("label")?.textContent?.trim() ?? "(no label)";
      return [{ label, size: Math.min(box.width, box.height) }];
    });
    return { sliders, choices };
  });
}

describe("controls on the slides of chapters 1–6", () => {
  for (const screen of SCREENS) {
    test(`at ${screen.name} sliders are long and aligned, radio buttons as large as their labels`, async () => {
      const { page } = await deck.open("/", { viewport: screen.viewport });
      const problems: string[] = [];
      let sliders = 0;
      let choices = 0;
      try {
        for (const path of DECKS) {
          await page.goto(deck.server.url + path + screen.query);
          await page.waitForSelector("body.deck-mode section.slide.is-current", {
            state: "attached",
          });
          const withControls = await page.$$eval("article.chapter > section.slide", (slides) =>
            slides.flatMap((s, i) =>
              s.querySelector("input[type=range], input[type=radio], input[type=checkbox]")
                ? [{ n: i + 1, source: s.getAttribute("data-source") ?? `slide ${i + 1}` }]
                : [],
            ),
          );
          for (const { n, source } of withControls) {
            await showSlide(page, n);
            await slideHeldStill(page);
            const shown = await controlsShown(page);
            sliders += shown.sliders.length;
            choices += shown.choices.length;
            for (const s of shown.sliders) {
              const width = s.right - s.left;
              if (width < MIN_SLIDER) {
                problems.push(`${source}: slider “${s.label}” is ${width.toFixed(0)} px`);
              }
            }
            // Sliders of one cell stacked under each other (their forms start at one x).
            const columns = new Map<string, Shown["sliders"]>();
            for (const s of shown.sliders) {
              const key = `${s.cell}:${s.formLeft}`;
              columns.set(key, [...(columns.get(key) ?? []), s]);
            }
            for (const column of columns.values()) {
              const [first, ...rest] = column;
              for (const s of rest) {
                if (Math.abs(s.left - first.left) > 1 || Math.abs(s.right - first.right) > 1) {
                  problems.push(
                    `${source}: slider “${s.label}” spans ${s.left.toFixed(0)}–${s.right.toFixed(0)} px under “${first.label}” at ${first.left.toFixed(0)}–${first.right.toFixed(0)} px`,
                  );
                }
              }
            }
            for (const c of shown.choices) {
              if (c.size < MIN_CHOICE) {
                problems.push(`${source}: choice in “${c.label}” is ${c.size.toFixed(0)} px`);
              }
            }
          }
        }
      } finally {
        await page.close();
      }
      assert.ok(sliders > 20 && choices > 5, `found ${sliders} sliders and ${choices} choices`);
      assert.deepEqual(problems, [], `controls at ${screen.name}:\n${problems.join("\n")}`);
    });
  }
});
