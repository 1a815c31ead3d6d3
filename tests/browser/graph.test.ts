// graph.view in Chromium: a fixture page (bundled here with esbuild) holding the 2-2-1 tanh
// network of chapter 6 and the ridge example. Expected labels and equations come from the
// same trace computed in Node.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { expandNeurons } from "../../src/graph/expand-neurons.ts";
import { trace } from "../../src/graph/trace.ts";
import { mlp221 } from "../graph/examples.ts";
import {
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
  type WatchedPage,
} from "./harness.ts";

const expected = trace(mlp221().loss);
const steps = [...expected.forward, ...expected.backward];
const labelOf = (id: string): string => expected.nodes.find((n) => n.id === id)!.label;

let dir: string;
let server: StaticServer;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

async function position(id: string): Promise<number> {
  return Number(await page.getAttribute(`#${id}`, "data-position"));
}

async function press(key: string, times = 1): Promise<void> {
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

/** The TeX source KaTeX keeps in its MathML annotation, per equation line. */
async function equationTex(id: string): Promise<string[]> {
  return page.$$eval(`#${id} .graph-equation annotation`, (els) =>
    els.map((e) => e.textContent ?? ""),
  );
}

async function currentLabel(id: string): Promise<string | null> {
  return page.evaluate(
    (root) => document.querySelector(`#${root} .node.current .label`)?.textContent ?? null,
    id,
  );
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "graph-fixture-"));
  await build({
    entryPoints: ["tests/fixtures/graph/entry.ts"],
    bundle: true,
    format: "esm",
    platform: "browser",
    outfile: join(dir, "entry.js"),
    logLevel: "error",
  });
  cpSync("tests/fixtures/graph/index.html", join(dir, "index.html"));
  cpSync("styles/graph.css", join(dir, "graph.css"));
  cpSync("node_modules/katex/dist/katex.min.css", join(dir, "katex.min.css"));
  cpSync("node_modules/katex/dist/fonts", join(dir, "fonts"), { recursive: true });
  server = await serveStatic(dir);
  browser = await launchBrowser();
  watched = await openWatchedPage(browser, server.url);
  page = watched.page;
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(`${server.url}/`);
  await page.waitForSelector("body[data-ready=true]");
  await page.focus("#mlp");
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("graph.view(result) in the browser", () => {
  test("→ walks the forward pass, then the backward pass, highlighting each step's node and equation", async () => {
    assert.equal(await position("mlp"), 0);
    assert.equal(await currentLabel("mlp"), null);
    const checkpoints = [
      1,
      3,
      expected.forward.length,
      expected.forward.length + 1,
      expected.forward.length + 6,
      steps.length,
    ];
    let at = 0;
    for (const target of checkpoints) {
      await press("ArrowRight", target - at);
      at = target;
      assert.equal(await position("mlp"), target);
      const step = steps[target - 1]!;
      assert.equal(await currentLabel("mlp"), labelOf(step.node), `position ${target}`);
      assert.deepEqual(
        await equationTex("mlp"),
        [
          step.texSymbolic,
          step.texNumeric,
          ...(step.kind === "backward" && step.texLayer ? [step.texLayer] : []),
        ],
        `position ${target}`,
      );
      const cls = await page.getAttribute(`#mlp [data-node="${step.node}"]`, "class");
      assert.ok(cls?.includes(`current-${step.kind}`), cls ?? "");
    }
    await press("ArrowRight"); // past the end: stays
    assert.equal(await position("mlp"), steps.length);
  });

  test("backward edges light up and the ledger lists upstream × local = contribution", async () => {
    await press("Home");
    await press("ArrowRight", expected.forward.length + 6);
    const step = steps[expected.forward.length + 5]!;
    assert.equal(step.kind, "backward");
    if (step.kind !== "backward") return;
    for (const term of step.terms) {
      const cls = await page.getAttribute(`#mlp [data-edge="${term.edge}"]`, "class");
      assert.equal(cls, "edge active active-backward");
    }
    const rows = await page.$$eval("#mlp .graph-ledger tbody tr", (trs) => trs.length);
    assert.equal(rows, step.terms.length);
    const total = await page.textContent("#mlp .graph-ledger .total");
    assert.ok(total && total.length > 0);
  });

  test("the mid-backward screenshot is written for a person to look at", async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.waitForTimeout(300); // let the highlight transitions finish
    await page.locator("#mlp").screenshot({ path: join(SCREENSHOT_DIR, "graph-mid-backward.png") });
  });

  test("← returns to exactly the same DOM, and Home/End jump to the ends", async () => {
    const html = async (): Promise<string> => page.$eval("#mlp", (el) => el.outerHTML);
    const before5 = await html();
    await press("ArrowRight");
    assert.notEqual(await html(), before5);
    await press("ArrowLeft");
    assert.equal(await html(), before5);
    await press("End");
    assert.equal(await position("mlp"), steps.length);
    await press("Home");
    assert.equal(await position("mlp"), 0);
    const atStart = await html();
    await press("End");
    await press("Home");
    assert.equal(await html(), atStart);
  });

  test("the text alternative matches the drawing at every step", async () => {
    await press("Home");
    for (let p = 0; p <= steps.length; p += 3) {
      const mismatches = await page.evaluate(() => {
        const out: string[] = [];
        for (const g of document.querySelectorAll("#mlp .graph-svg [data-node]")) {
          const id = g.getAttribute("data-node");
          const row = document.querySelector(`#mlp .graph-table tr[data-node="${id}"]`);
          const value = row?.querySelector(".value")?.textContent ?? "";
          const grad = row?.querySelector(".grad")?.textContent ?? "";
          const cls = g.getAttribute("class") ?? "";
          const svgValue = g.querySelector(".value")?.textContent ?? "";
          const svgGrad = (g.querySelector(".grad")?.textContent ?? "").replace(/^∇ /, "");
          if (cls.includes("pending") !== (value === "not computed yet"))
            out.push(`${id} value shown ${cls} / ${value}`);
          // The drawing shows small tensors in full and larger ones as their shape.
          const shape = `[${row?.querySelector("td:nth-of-type(2)")?.textContent}]`;
          // (no helper functions in here: the bundler's name helpers do not exist in the page)
          const valueOk = svgValue === value || svgValue === shape;
          const gradOk = svgGrad === grad || svgGrad === shape;
          if (!cls.includes("pending") && !valueOk) out.push(`${id} value ${svgValue} vs ${value}`);
          if (cls.includes("has-grad") ? !gradOk : grad !== "—")
            out.push(`${id} grad ${svgGrad} vs ${grad}`);
          if (cls.includes(" current") !== row?.classList.contains("current"))
            out.push(`${id} current`);
        }
        return out;
      });
      assert.deepEqual(mismatches, [], `position ${p}`);
      await press("ArrowRight", 3);
    }
  });

  test("clicking a node jumps to its step: its gradient once the backward pass is under way", async () => {
    const W1 = expected.nodes.find((n) => n.label === "W₁")!;
    const z1 = expected.nodes.find((n) => n.label === "z₁")!;
    await press("Home");
    await page.click(`#mlp [data-node="${z1.id}"]`);
    assert.equal(await position("mlp"), 1 + expected.forward.findIndex((s) => s.node === z1.id));
    await press("End");
    await page.click(`#mlp [data-node="${W1.id}"]`);
    assert.equal(
      await position("mlp"),
      1 + expected.forward.length + expected.backward.findIndex((s) => s.node === W1.id),
    );
    assert.equal(await currentLabel("mlp"), "W₁");
    await page.focus("#mlp");
  });

  test("the aria-live region announces the current step", async () => {
    await press("Home");
    await press("ArrowRight");
    const text = await page.textContent("#mlp .graph-live");
    assert.match(text ?? "", /^Forward 1 of 10: W₁x = matmul of W₁, x/);
  });

  test("keys act on the focused graph only", async () => {
    const ridgeBefore = await position("ridge");
    await page.focus("#mlp");
    await press("ArrowRight", 2);
    assert.equal(await position("ridge"), ridgeBefore);
  });

  test("fragment-next steps until the last step, then lets the deck move on", async () => {
    const consumed = await page.evaluate(() => {
      const el = document.querySelector("#ridge")!;
      const results: boolean[] = [];
      for (let k = 0; k < 200; k++) {
        const event = new CustomEvent("fragment-next", { cancelable: true });
        const notPrevented = el.dispatchEvent(event);
        results.push(!notPrevented);
        if (notPrevented) break;
      }
      return results;
    });
    const count = Number(await page.getAttribute("#ridge", "data-position"));
    assert.equal(consumed.filter(Boolean).length, count);
    assert.equal(consumed.at(-1), false);
    const back = await page.evaluate(
      () =>
        !document
          .querySelector("#ridge")!
          .dispatchEvent(new CustomEvent("fragment-prev", { cancelable: true })),
    );
    assert.equal(back, true);
    assert.equal(await position("ridge"), count - 1);
  });

  test("Space plays and pauses at the chosen speed", async () => {
    await page.focus("#mlp");
    await press("Home");
    await page.selectOption("#mlp .graph-speed select", "8");
    await page.focus("#mlp");
    await press(" ");
    await page.waitForFunction(
      () => Number(document.querySelector("#mlp")!.getAttribute("data-position")) >= 3,
    );
    await press(" ");
    const paused = await position("mlp");
    await page.waitForTimeout(400);
    assert.equal(await position("mlp"), paused);
    assert.ok(paused >= 3);
  });

  test("the finite-difference check agrees with every gradient of the ridge graph", async () => {
    await page.check("#ridge .graph-fd-toggle input");
    const status = await page.textContent("#ridge .graph-status");
    assert.match(status ?? "", /agree with every gradient/);
    const visible = await page.$$eval(
      "#ridge .fd",
      (els) => els.filter((e) => getComputedStyle(e).display !== "none").length,
    );
    assert.ok(visible > 0, "no finite-difference estimate visible");
    assert.equal(await page.$$eval("#ridge .fd.mismatch", (els) => els.length), 0);
    await page.waitForTimeout(300);
    await page
      .locator("#ridge")
      .screenshot({ path: join(SCREENSHOT_DIR, "graph-ridge-checks.png") });
  });

  test("nudge compares the predicted change with the actual one", async () => {
    await page.check("#ridge .graph-nudge-toggle input");
    await page.click("#ridge .graph-nudge button");
    const text = await page.textContent("#ridge .graph-nudge-result");
    assert.match(text ?? "", /predicted change .* actual change/);
  });

  test("the neuron view draws one node per weight and neuron, starting after the forward pass", async () => {
    const expectedNodes = trace(expandNeurons(mlp221().loss)).nodes.length;
    assert.equal(
      await page.$$eval("#neurons .graph-svg [data-node]", (els) => els.length),
      expectedNodes,
    );
    assert.match((await page.textContent("#neurons .graph-position")) ?? "", /^Forward \d+ of \d+/);
    await page.focus("#neurons");
    await press("ArrowRight", 4);
    await page.locator("#neurons").screenshot({ path: join(SCREENSHOT_DIR, "graph-neurons.png") });
  });

  test("dark theme: the same graph on a dark background (screenshot)", async () => {
    await page.evaluate(() => {
      document.documentElement.dataset.theme = "dark";
      document.body.style.background = "#101114";
    });
    await page.locator("#mlp").screenshot({ path: join(SCREENSHOT_DIR, "graph-dark.png") });
    const bg = await page.$eval("#mlp", (el) => getComputedStyle(el).backgroundColor);
    assert.equal(bg, "rgb(22, 24, 28)");
    await page.evaluate(() => {
      delete document.documentElement.dataset.theme;
      document.body.style.background = "";
    });
  });

  test("prefers-reduced-motion turns transitions and the gradient-flow animation off", async () => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const motion = await page.$eval("#mlp .graph-svg .edge", (el) => {
      const style = getComputedStyle(el);
      return [style.transitionDuration, style.animationName];
    });
    assert.deepEqual(motion, ["0s", "none"]);
    await page.emulateMedia({ reducedMotion: "no-preference" });
  });

  test("'Actual size' lets a big drawing keep its size and scroll", async () => {
    const fitted = await page.$eval("#neurons .graph-svg", (el) => getComputedStyle(el).maxWidth);
    await page.check("#neurons .graph-size-toggle input");
    const actual = await page.$eval("#neurons .graph-svg", (el) => getComputedStyle(el).maxWidth);
    assert.deepEqual([fitted, actual], ["100%", "none"]);
  });

  test("every control is reachable with Tab and shows a visible focus ring", async () => {
    await page.focus("#mlp");
    const seen: string[] = [];
    for (let k = 0; k < 12; k++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          inside: !!el.closest("#mlp"),
          tag: el.tagName,
          outline: getComputedStyle(el).outlineStyle,
        };
      });
      if (!info.inside) break;
      seen.push(info.tag);
      assert.notEqual(info.outline, "none", `${info.tag} has no focus outline`);
    }
    assert.ok(
      seen.includes("BUTTON") && seen.includes("SELECT") && seen.includes("INPUT"),
      seen.join(" "),
    );
  });

  test("no console errors and no request leaves the page's origin", () => {
    assert.deepEqual(watched.errors, []);
    assert.deepEqual(watched.foreignRequests, []);
  });
});
