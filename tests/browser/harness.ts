// Shared set-up for browser tests: Debian's Chromium through playwright-core, a static server
// for a folder on 127.0.0.1, a page wrapper that records console errors and any request that
// leaves the page's own origin, and the fixture deck the slide tests share.
import assert from "node:assert/strict";
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { after, before } from "node:test";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { buildSlidesFixture } from "./slides-fixture.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The built site the browser tests load: dist/, or DIST to test a build made elsewhere. */
export const DIST = process.env.DIST ?? "dist";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a free port; `/a/` serves `/a/index.html`. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** Requests to any origin other than `origin`. */
  foreignRequests: string[];
}

/**
 * Opens a new page (of `browser`, or of one context of it) that records console errors, into
 * `errors` when given (one list for several pages), and requests leaving `origin`.
 */
export async function openWatchedPage(
  browser: Browser | BrowserContext,
  origin: string,
  errors: string[] = [],
): Promise<WatchedPage> {
  const page = await browser.newPage();
  const foreignRequests: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(String(err)));
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      foreignRequests.push(url);
    }
  });
  return { page, errors, foreignRequests };
}

/** Where screenshots go for a person to look at (git-ignored). */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? "test-results";

/**
 * Waits until a deck opened at a `?slides` address shows a slide. The deck loads on first use;
 * keys pressed before then reach the reading page instead.
 */
export async function deckShown(page: Page): Promise<void> {
  await page.waitForSelector("body.deck-mode section.slide.is-current", { state: "attached" });
}

/** Poll on a timer: a page behind the presenter window gets no animation frames to poll on. */
export const POLL = { polling: 50 };

/** No console errors and no request to another host on a watched page. */
export function assertClean(watched: WatchedPage): void {
  assert.deepEqual(watched.errors, [], `no console errors: ${watched.errors.join("; ")}`);
  assert.deepEqual(watched.foreignRequests, [], "no requests to other hosts");
}

/** How `DeckFixture.open` opens a page. */
export interface OpenDeckOptions {
  /** The window's size (default 1280×720, a projector). */
  viewport?: { width: number; height: number };
  /** A context of the fixture's browser to open the page in (default a page of its own). */
  context?: BrowserContext;
  /** Where the page's console errors go (default the returned page's own list). */
  errors?: string[];
}

/** A deck site served on 127.0.0.1 and a Chromium to load it in, for one test file. */
export interface DeckFixture {
  readonly browser: Browser;
  readonly server: StaticServer;
  /**
   * Opens `path` of the served site (of the fixture: `/` the deck chapter, `/demo.html` the live
   * demo) in a watched page; an address with `?slides` returns once the deck shows a slide.
   */
  open(path: string, options?: OpenDeckOptions): Promise<WatchedPage>;
}

/** A built site for `useDeckFixture` to serve instead of the fixture deck. */
export interface BuiltSite {
  /** The folder (dist/, or DIST). */
  dir: string;
  /** A page the tests need ("/chapters/05-chain-rule/"): missing, the file stops with a hint. */
  needs: string;
}

/**
 * The slide tests' shared set-up: registers the file's `before` (build the fixture deck of
 * tests/fixtures/slides, or check `site`, and serve it; launch Chromium; make the screenshot
 * folder) and `after` (close both). Call it at the top of a test file; use it inside tests.
 */
export function useDeckFixture(site?: BuiltSite): DeckFixture {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the deck fixture is used before its before() ran");
    return value;
  };
  before(async () => {
    if (site && !existsSync(join(site.dir, site.needs, "index.html"))) {
      throw new Error(
        `${join(site.dir, site.needs, "index.html")} is missing: run \`node --import tsx build.mjs\` first`,
      );
    }
    server = await serveStatic(site ? site.dir : await buildSlidesFixture());
    browser = await launchBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return ready(browser);
    },
    get server() {
      return ready(server);
    },
    async open(path, options = {}) {
      const url = ready(server).url;
      const watched = await openWatchedPage(options.context ?? ready(browser), url, options.errors);
      await watched.page.setViewportSize(options.viewport ?? { width: 1280, height: 720 });
      await watched.page.goto(url + path);
      if (path.includes("?slides")) await deckShown(watched.page);
      return watched;
    },
  };
}
