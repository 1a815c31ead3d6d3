// axe-core (WCAG 2.1 A and AA, plus best practices) over the built site: every page in reading
// mode and every slide of every deck, light and dark, desktop and phone width, and pages caught
// mid-interaction. A serious or critical finding fails the test, printed with its selector;
// moderate and minor ones are printed for a person to weigh.
//
// Run time matters in CI: one browser and one page reused across the site; a page is loaded
// once and audited in all four looks (only the colour rules run again when only the palette
// changes). The duration of each sweep is printed.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, it, type TestContext } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { goToSlide, nextPaint, pagesOf, settled } from "./a11y-pages.ts";
import { audit, COLOUR_RULES, describeFinding, type Finding, isBlocking } from "./axe-audit.ts";
import { DIST, deckShown, launchBrowser, type StaticServer, serveStatic } from "./harness.ts";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;

before(async () => {
  if (!existsSync(`${DIST}/index.html`)) {
    throw new Error(`${DIST}/index.html is missing: run \`node --import tsx build.mjs\` first`);
  }
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: DESKTOP });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Collects findings across a sweep and reports them: blocking ones fail it, the rest print.
 * One element failing one rule in several looks is one line naming the looks.
 */
class Report {
  private readonly found = new Map<string, { finding: Finding; where: string[] }>();
  private readonly started = performance.now();
  views = 0;

  add(where: string, findings: readonly Finding[]): void {
    this.views++;
    for (const f of findings) {
      const key = `${where.replace(/ \[.*\]$/, "")}\n${f.rule}\n${f.target}`;
      const entry = this.found.get(key) ?? { finding: f, where: [] };
      entry.where.push(where);
      this.found.set(key, entry);
    }
  }

  finish(t: TestContext, what: string): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    t.diagnostic(`${what}: ${this.views} audits in ${seconds} s`);
    const lines = (blocking: boolean) =>
      [...this.found.values()]
        .filter((e) => isBlocking(e.finding) === blocking)
        .map((e) => {
          const looks = e.where.map((w) => /\[(.*)\]$/.exec(w)?.[1] ?? "").join(", ");
          const page = (e.where[0] ?? "").replace(/ \[.*\]$/, "");
          return describeFinding(`${page} [${looks}]`, e.finding);
        });
    for (const line of lines(false)) t.diagnostic(line);
    const blocking = lines(true);
    if (blocking.length > 0) {
      assert.fail(
        `${blocking.length} serious or critical accessibility violations:\n${blocking.join("\n")}`,
      );
    }
  }
}

/** Audits the page as it stands in all four looks: desktop and phone width, light and dark. */
async function auditLooks(page: Page, where: string, report: Report, include?: string) {
  const looks = [
    // Every rule once per width; the colour rules again in the other palette.
    { viewport: DESKTOP, scheme: "light", rules: undefined },
    { viewport: DESKTOP, scheme: "dark", rules: COLOUR_RULES },
    { viewport: PHONE, scheme: "dark", rules: undefined },
    { viewport: PHONE, scheme: "light", rules: COLOUR_RULES },
  ] as const;
  for (const look of looks) {
    await page.setViewportSize(look.viewport);
    await page.emulateMedia({ colorScheme: look.scheme });
    await nextPaint(page);
    const label = `${where} [${look.viewport === DESKTOP ? "desktop" : "phone"} ${look.scheme}]`;
    report.add(label, await audit(page, { include, rules: look.rules }));
  }
  await page.setViewportSize(DESKTOP);
}

describe("accessibility of the built site (axe-core)", () => {
  it("every page in reading mode: no serious or critical violation, light and dark, desktop and phone", async (t) => {
    const page = await context.newPage();
    const report = new Report();
    for (const path of pagesOf(DIST)) {
      await page.goto(`${server.url}/${path}`);
      await settled(page);
      await auditLooks(page, `/${path}`, report);
    }
    await page.close();
    report.finish(t, "reading mode");
  });

  it("every slide of every deck: no serious or critical violation, light and dark, desktop and phone", async (t) => {
    const page = await context.newPage();
    const report = new Report();
    for (const path of pagesOf(DIST).filter((p) => p !== "")) {
      await page.setViewportSize(DESKTOP);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${server.url}/${path}?slides#slide-2`);
      await deckShown(page);
      await settled(page);
      // A slide with the deck's own controls at both widths (the stage only scales between
      // them); then the overview, where every slide shows at once, in both palettes.
      const where = `/${path}?slides`;
      report.add(`${where}#slide-2 [desktop light]`, await audit(page));
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme: "dark" });
      await nextPaint(page);
      report.add(`${where}#slide-2 [phone dark]`, await audit(page));
      await page.setViewportSize(DESKTOP);
      await page.keyboard.press("o");
      await page.waitForSelector("body.deck-overview", { state: "attached" });
      await nextPaint(page);
      report.add(`${where} overview [desktop dark]`, await audit(page, { rules: COLOUR_RULES }));
      await page.emulateMedia({ colorScheme: "light" });
      await nextPaint(page);
      report.add(`${where} overview [desktop light]`, await audit(page));
    }
    await page.close();
    report.finish(t, "deck mode");
  });

  it("pages caught mid-interaction: the stepper mid-backward, an exercise's hint, a lab's hint, the presenter window", async (t) => {
    const page = await context.newPage();
    const report = new Report();

    // Chapter 6's first stepper, three steps before the end of the backward pass.
    await page.goto(`${server.url}/chapters/06-backpropagation/`);
    await settled(page);
    const view = page.locator(".graph-view").first();
    await view.scrollIntoViewIfNeeded();
    await view.locator(".graph-btn-end").click();
    for (let k = 0; k < 3; k++) await view.locator(".graph-btn-prev").click();
    await page.waitForFunction(() => {
      const v = document.querySelector(".graph-view");
      return v?.querySelector(".graph-svg .node.current-backward") !== null;
    });
    await auditLooks(page, "/chapters/06-backpropagation/ stepper mid-backward", report);

    // The same stepper on its slide, mid-backward, in the deck.
    await page.goto(`${server.url}/chapters/06-backpropagation/?slides`);
    await deckShown(page);
    const slide = await page.$$eval(
      "article.chapter > section.slide",
      (sections) => sections.findIndex((s) => s.querySelector(".graph-view") !== null) + 1,
    );
    assert.ok(slide > 0, "chapter 6 has a slide with a graph view");
    await goToSlide(page, slide);
    await page.keyboard.press("End"); // the deck's End: the last slide — come back to the stepper
    await goToSlide(page, slide);
    const onSlide = page.locator("section.slide.is-current .graph-view");
    await onSlide.locator(".graph-btn-end").click();
    await onSlide.locator(".graph-btn-prev").click();
    report.add(
      `/chapters/06-backpropagation/?slides#slide-${slide} stepper mid-backward [desktop light]`,
      await audit(page),
    );

    // Chapter 6's first exercise with its first hint open.
    await page.goto(`${server.url}/chapters/06-backpropagation/`);
    await settled(page);
    const hint = page.locator(".exercise-hint").first();
    await hint.scrollIntoViewIfNeeded();
    await hint.click();
    await page.locator(".exercise-hints li").first().waitFor();
    await auditLooks(page, "/chapters/06-backpropagation/ exercise with a hint open", report);

    // The backprop-by-hand lab with a wrong answer typed: the hint shows beside the box.
    await page.goto(`${server.url}/labs/backprop-by-hand/`);
    await settled(page);
    const box = page.locator(".answer-box input").first();
    await box.fill("1");
    await box.press("Enter");
    await page.locator(".answer-result.is-wrong").first().waitFor();
    await auditLooks(page, "/labs/backprop-by-hand/ with a hint shown", report);

    // The presenter window (notes, timer, next slide) on the stepper's slide.
    await page.goto(`${server.url}/chapters/06-backpropagation/?presenter#slide-${slide}`);
    await page.waitForSelector(".presenter-notes");
    await nextPaint(page);
    report.add(`/chapters/06-backpropagation/?presenter [desktop light]`, await audit(page));
    await page.emulateMedia({ colorScheme: "dark" });
    await nextPaint(page);
    report.add(
      `/chapters/06-backpropagation/?presenter [desktop dark]`,
      await audit(page, { rules: COLOUR_RULES }),
    );
    await page.close();
    report.finish(t, "mid-interaction");
  });
});
