// `npm run check:slides`: builds the site, shows every chapter and lab as a deck at 1280×720 in
// Chromium and lists each slide that breaks the projection type scale, as `file:line: message`
// like the build's own checks — a slide that does not fit at full size (the deck would have to
// shrink it), prose under 20 px, other text under 12 px. Exits 1 when it lists anything.
// `npm run check:slides -- --only=<part of a deck's path>` checks only the matching decks;
// `--aspect=4:3` shows the decks as 4:3 on a 1024×768 screen (16:10 on 1280×800), as the
// deck-wide browser test does.
// A browser does the measuring because only layout knows: fonts, typeset math, plots drawn at
// run time and the graph view's own layout all decide whether a slide fits.
import { spawnSync } from "node:child_process";
import { DIST, launchBrowser, openWatchedPage, serveStatic } from "./harness.ts";
import { deckPaths, scaleProblems, surveyDeck } from "./slide-survey.ts";

const built = spawnSync(process.execPath, ["--import", "tsx", "build.mjs"], { stdio: "inherit" });
if (built.status !== 0) process.exit(built.status ?? 1);
const aspect = process.argv.find((a) => a.startsWith("--aspect="))?.slice("--aspect=".length);
// `--only=06-backprop` (repeatable) keeps the decks whose path contains one of the given words.
/** The screen each shape is checked on: a common projector of that shape. */
const SCREENS: Record<string, { width: number; height: number }> = {
  "4:3": { width: 1024, height: 768 },
  "16:10": { width: 1280, height: 800 },
};
const screen = SCREENS[aspect ?? ""] ?? { width: 1280, height: 720 };
const only = process.argv.filter((a) => a.startsWith("--only=")).map((a) => a.slice(7));
const server = await serveStatic(DIST);
const browser = await launchBrowser();
let problems = 0;
try {
  const { page } = await openWatchedPage(browser, server.url);
  await page.setViewportSize(screen);
  const decks = (await deckPaths(page, server.url)).filter(
    (deck) => only.length === 0 || only.some((word) => deck.includes(word)),
  );
  for (const deck of decks) {
    for (const line of scaleProblems(deck, await surveyDeck(page, server.url + deck, aspect))) {
      console.error(line);
      problems++;
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  problems ? `${problems} problems on slides` : "every slide fits the projection type scale",
);
process.exit(problems ? 1 : 0);
