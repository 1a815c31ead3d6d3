import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { CompileErrors } from "../../src/notebook/cell/index.ts";
import { buildSite, type SiteResult } from "../../src/site/build-site.ts";

const SITE = "tests/fixtures/notebook/site";

describe("buildSite(options)", () => {
  let out: string;
  let result: SiteResult;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), "build-site-"));
    out = join(dir, "dist");
    result = await buildSite({
      contentDir: `${SITE}/content`,
      labsDir: `${SITE}/notebooks`,
      outDir: out,
      cacheDir: join(dir, "cache"),
      dev: true,
      liveReload: false,
    });
  });

  it("writes an index, one page per chapter and lab, and hashed assets", () => {
    assert.deepEqual(
      result.pages.map((p) => p.path.dir),
      [
        "chapters/01-failing-cell/",
        "chapters/02-compile-error/",
        "chapters/03-bad-front-matter/",
        "chapters/04-runtime-lines/",
        "labs/prose-only/",
        "labs/plots/",
        "labs/below-the-fold/",
        "labs/long-running/",
        "labs/runaway-loop/",
        "labs/broken-front-matter/",
      ],
    );
    for (const dir of ["", ...result.pages.map((p) => p.path.dir)])
      assert.ok(existsSync(join(out, dir, "index.html")), dir);
    assert.ok(readdirSync(join(out, "assets")).some((n) => /^site-[A-Z0-9]+\.css$/.test(n)));
  });

  it("ships KaTeX's stylesheet with woff2 fonts only", () => {
    const fonts = readdirSync(join(out, "assets/katex/fonts"));
    assert.ok(fonts.length > 10 && fonts.every((n) => n.endsWith(".woff2")));
    assert.doesNotMatch(
      readFileSync(join(out, "assets/katex/katex.min.css"), "utf8"),
      /\.woff\)|\.ttf\)/,
    );
  });

  it("links everything relatively, so dist/ works under any sub-path", () => {
    for (const dir of ["", ...result.pages.map((p) => p.path.dir)]) {
      const html = readFileSync(join(out, dir, "index.html"), "utf8");
      const links = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(links.length > 3);
      for (const link of links)
        assert.match(link, /^(?:\.\.\/|#|[a-z0-9]|data:|\.\/)/, `${dir}: ${link}`);
    }
  });

  it("gives chapter pages the structure the slides code reads", () => {
    const html = readFileSync(join(out, "chapters/01-failing-cell/index.html"), "utf8");
    assert.match(
      html,
      /<main id="content" tabindex="-1">[\s\S]*<article class="chapter">\n<section class="slide" data-slide="1" data-source="[^"]+:\d+">/,
    );
    assert.match(html, /<button type="button" class="header-button" data-action="present"/);
    assert.match(html, /<a rel="next"|rel="next"/);
  });

  it("reports dev-mode compile errors instead of failing", () => {
    assert.deepEqual(
      result.errors.map((e) => e.message),
      [
        "syntax error in cell: Unexpected token",
        "`missingName` is not declared by any cell on this page and is not a built-in",
        'front matter `order` should be a number, found "three"',
        "front matter `order` should be a number, found nothing",
      ],
    );
  });

  it("in dev still writes a page that cannot be compiled, listing its errors", () => {
    const html = readFileSync(join(out, "labs/broken-front-matter/index.html"), "utf8");
    assert.match(
      html,
      /This page could not be built:<\/p>\n<ul>\n<li class="error-message"><code>tests\/fixtures\/notebook\/site\/notebooks\/broken-front-matter\.md:2:1<\/code> front matter <code>order<\/code> should be a number/,
    );
  });

  it("keeps a page that cannot be compiled in its place, without a number it does not have", () => {
    const chapter = readFileSync(join(out, "chapters/03-bad-front-matter/index.html"), "utf8");
    // Its title could still be read; its number comes from the file name.
    assert.match(chapter, /Chapter 3 · not built<\/p>\n<h1>Front matter that does not check<\/h1>/);
    assert.doesNotMatch(chapter, /9007199254740991|data-action="present"/);
    assert.match(chapter, /rel="prev" href="\.\.\/\.\.\/chapters\/02-compile-error\/"/);
    assert.match(chapter, /rel="next" href="\.\.\/\.\.\/chapters\/04-runtime-lines\/"/);
    const index = readFileSync(join(out, "index.html"), "utf8");
    assert.match(
      index,
      /<li class="entry-failed"><a href="chapters\/03-bad-front-matter\/"><span class="entry-number">3<\/span>/,
    );
    // A lab without an order goes last and shows no number.
    assert.match(
      index,
      /<li class="entry-failed"><a href="labs\/broken-front-matter\/"><span class="entry-number">Lab<\/span><span class="entry-title">Missing its order<\/span>/,
    );
  });

  it("fails a production build with every error's file:line:col", async () => {
    const dir = mkdtempSync(join(tmpdir(), "build-site-"));
    await assert.rejects(
      buildSite({
        contentDir: `${SITE}/content`,
        labsDir: `${SITE}/notebooks`,
        outDir: join(dir, "dist"),
        cacheDir: join(dir, "cache"),
      }),
      (error: unknown) =>
        error instanceof CompileErrors &&
        /02-compile-error\.md:14:25: syntax error in cell/.test(error.message) &&
        /broken-front-matter\.md:2:1: front matter `order` should be a number, found nothing/.test(
          error.message,
        ),
    );
  });
});
