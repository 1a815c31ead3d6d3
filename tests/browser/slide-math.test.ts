// Display formulas and tables on a slide. On the reading page a formula wider than the column
// scrolls sideways and a shadow at its edge says so (styles/prose.css); on a slide nothing
// scrolls sideways, and the shadow's edge, showing through its page-coloured cover, drew a faint
// vertical line at the left of every display formula. Each slide of chapters 1–6 holding a
// formula or a table is shown in both themes and none of them may carry that background.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DIST, useDeckFixture } from "./harness.ts";
import { showSlide } from "./slide-survey.ts";

const DECKS = [
  "/chapters/01-feature-learning/",
  "/chapters/02-neurons-activations/",
  "/chapters/03-one-hidden-layer/",
  "/chapters/04-mlp-outputs-losses/",
  "/chapters/05-chain-rule/",
  "/chapters/06-backpropagation/",
];

const deck = useDeckFixture({ dir: DIST, needs: DECKS[0] });

describe("display math on a slide", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`in the ${scheme} theme no formula or table on a slide of chapters 1–6 shows a scroll shadow`, async () => {
      const context = await deck.browser.newContext({
        viewport: { width: 1280, height: 720 },
        colorScheme: scheme,
      });
      const shadowed: string[] = [];
      let checked = 0;
      try {
        const { page } = await deck.open(`${DECKS[0]}?slides`, { context });
        for (const path of DECKS) {
          await page.goto(`${deck.server.url}${path}?slides`);
          await page.waitForSelector("body.deck-mode section.slide.is-current", {
            state: "attached",
          });
          const slides = await page.$$eval("article.chapter > section.slide", (sections) =>
            sections.flatMap((s, i) => (s.querySelector(".math-display, table") ? [i + 1] : [])),
          );
          for (const n of slides) {
            await showSlide(page, n);
            const found = await page.$$eval(
              "section.slide.is-current :is(.math-display, table)",
              (blocks) =>
                blocks.flatMap((el) => {
                  if (el.closest("[hidden], .reading-only, aside.notes")) return [];
                  const style = getComputedStyle(el);
                  return [
                    {
                      where: el.closest("section.slide")?.getAttribute("data-source") ?? "?",
                      what: el.tagName === "TABLE" ? "table" : "formula",
                      image: style.backgroundImage,
                      overflows: el.scrollWidth > el.clientWidth + 1,
                    },
                  ];
                }),
            );
            for (const block of found) {
              checked++;
              if (block.image !== "none" && !block.overflows) {
                shadowed.push(`${block.where}: ${block.what} has ${block.image.slice(0, 40)}…`);
              }
            }
          }
        }
      } finally {
        await context.close();
      }
      assert.ok(checked > 20, `only ${checked} formulas and tables were found on the slides`);
      assert.deepEqual(shadowed, [], `scroll shadows on slides:\n${shadowed.join("\n")}`);
    });
  }
});
