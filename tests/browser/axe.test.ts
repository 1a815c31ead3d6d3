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
import { goToSlide, nextPaint, pagesOf, settled, slideCount } from "./a11y-pages.ts";
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
      await page.goto(`${server.url}/${path}?slides`);
      await deckShown(page);
      await settled(page);
      // The cover with the deck's own controls in every look; then each slide's content.
      await auditLooks(page, `/${path}?slides#slide-1`, report);
      const slides = await slideCount(page);
      for (let n = 2; n <= slides; n++) {
        await goToSlide(page, n);
        const where = `/${path}?slides#slide-${n}`;
        const current = "article.chapter > section.slide.is-current";
        await page.emulateMedia({ colorScheme: "light" });
        await nextPaint(page);
        report.add(`${where} [light]`, await audit(page, { include: current }));
        await page.emulateMedia({ colorScheme: "dark" });
        await nextPaint(page);
        report.add(`${where} [dark]`, await audit(page, { include: current, rules: COLOUR_RULES }));
      }
    }
    await page.close();
    report.finish(t, "deck mode");
  });
});
