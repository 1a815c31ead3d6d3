// graph.view in Chromium, twice: on a fixture page (bundled here with esbuild) holding the
// 2-2-1 tanh network, the ridge example and the network neuron by neuron; and on chapter 6 as
// built (DIST), in reading mode and as a 1920×1080 slide. Expected labels and equations come
// from the same computation traced in Node.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { expandNeurons } from "../../src/graph/model/expand-neurons.ts";
import { formatValues } from "../../src/graph/model/format.ts";
import { indexSteps } from "../../src/graph/model/step-index.ts";
import { trace } from "../../src/graph/model/trace.ts";
import type { Step, Trace } from "../../src/graph/model/types.ts";
import { F, tensor } from "../../src/index.ts";
import { mlp221 } from "../graph/examples.ts";
import {
  contrast,
  currentLabel,
  equationTex,
  mismatches,
  nodeTextColours,
  parseColour,
  positionOf,
  shownNodes,
  stepState,
  tableSettled,
} from "./graph-page.ts";
import { GRAPH_CSS } from "./graph-styles.ts";
import {
  DIST,
  launchBrowser,
  openWatchedPage,
  SCREENSHOT_DIR,
  type StaticServer,
  serveStatic,
  type WatchedPage,
} from "./harness.ts";

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => {
  await browser?.close();
});

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let k = 0; k < times; k++) await page.keyboard.press(key);
}

/** The equation lines a step shows: symbols, numbers and (backward, in a layer) the layer form. */
function expectedTex(step: Step): string[] {
  return [
    step.texSymbolic,
    step.texNumeric,
    ...(step.kind === "backward" && step.texLayer ? [step.texLayer] : []),
  ];
}

function labelOf(t: Trace, id: string): string {
  return t.nodes.find((n) => n.id === id)?.label ?? `(no node ${id})`;
}

describe("graph.view(result) on the fixture page", () => {
  const expected = trace(mlp221().loss);
  const index = indexSteps(expected);
  const steps = index.steps;
  let dir: string;
  let server: StaticServer;
  let watched: WatchedPage;
  let page: Page;

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
    // The graph's own stylesheets, without the site's (the view brings its fallbacks).
    cpSync("styles", join(dir, "styles"), { recursive: true });
    writeFileSync(join(dir, "graph.css"), GRAPH_CSS);
    cpSync("node_modules/katex/dist/katex.min.css", join(dir, "katex.min.css"));
    cpSync("node_modules/katex/dist/fonts", join(dir, "fonts"), { recursive: true });
    server = await serveStatic(dir);
    watched = await openWatchedPage(browser, server.url);
    page = watched.page;
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.goto(`${server.url}/`);
    await page.waitForSelector("body[data-ready=true]");
    await page.focus("#mlp");
  });
  after(async () => {
    await watched?.page.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("→ walks the forward pass, then the backward pass, highlighting each step's node and equation", async () => {
    assert.equal(await positionOf(page, "#mlp"), 0);
    assert.equal(await currentLabel(page, "#mlp"), null);
    const f = expected.forward.length;
    let at = 0;
    for (const target of [1, 3, f, f + 1, f + 6, steps.length]) {
      await press(page, "ArrowRight", target - at);
      at = target;
      assert.equal(await positionOf(page, "#mlp"), target);
      const step = steps[target - 1];
      assert.ok(step);
      assert.equal(
        await currentLabel(page, "#mlp"),
        labelOf(expected, step.node),
        `position ${target}`,
      );
      assert.deepEqual(await equationTex(page, "#mlp"), expectedTex(step), `position ${target}`);
      const cls = await page.getAttribute(`#mlp [data-node="${step.node}"]`, "class");
      assert.ok(cls?.includes(`current-${step.kind}`), cls ?? "");
    }
    await press(page, "ArrowRight"); // past the end: stays
    assert.equal(await positionOf(page, "#mlp"), steps.length);
  });

  test("backward edges light up and the ledger lists upstream × local = contribution", async () => {
    await press(page, "Home");
    await press(page, "ArrowRight", expected.forward.length + 6);
    const step = steps[expected.forward.length + 5];
    assert.ok(step?.kind === "backward");
    for (const term of step.terms) {
      const cls = await page.getAttribute(`#mlp [data-edge="${term.edge}"]`, "class");
      assert.equal(cls, "edge active active-backward");
    }
    const rows = await page.$$eval("#mlp .graph-ledger .is-shown tbody tr", (trs) => trs.length);
    assert.equal(rows, step.terms.length);
    assert.ok(((await page.textContent("#mlp .graph-ledger .is-shown .total")) ?? "").length > 0);
  });

  test("at 900 and 360 px wide every ledger cell lies inside the ledger's box, at every step", async () => {
    for (const width of [900, 360]) {
      await page.setViewportSize({ width, height: 900 });
      for (const id of ["#mlp", "#ridge"]) {
        await page.focus(id);
        await press(page, "Home");
        // Every position, to the end of the view's timeline.
        for (let p = 0; p < 200; p++) {
          const cut = await page.$eval(`${id} .graph-ledger`, (box) => {
            const b = box.getBoundingClientRect();
            const cells = box.querySelectorAll(".is-shown :is(caption, th, td)");
            return [...cells]
              .filter((c) => {
                const r = c.getBoundingClientRect();
                return r.width > 1 && (r.left < b.left - 0.5 || r.right > b.right + 0.5);
              })
              .map((c) => c.textContent ?? "")
              .concat(box.scrollWidth > box.clientWidth ? ["(the box scrolls)"] : []);
          });
          assert.deepEqual(cut, [], `${id} at ${width} px, position ${p}`);
          const before = await positionOf(page, id);
          await press(page, "ArrowRight");
          if ((await positionOf(page, id)) === before) break;
        }
      }
    }
    await page
      .locator("#mlp .graph-panel")
      .screenshot({ path: join(SCREENSHOT_DIR, "graph-ledger-360.png") });
    await page.setViewportSize({ width: 1600, height: 900 });
    // Back where the next tests start: the ridge view at its start, #mlp mid-backward.
    await page.focus("#ridge");
    await press(page, "Home");
    await page.focus("#mlp");
    await press(page, "Home");
    await press(page, "ArrowRight", expected.forward.length + 6);
  });

  test("← returns to exactly the same DOM, and Home/End jump to the ends", async () => {
    const before5 = await stepState(page, "#mlp");
    await press(page, "ArrowRight");
    assert.notDeepEqual(await stepState(page, "#mlp"), before5);
    await press(page, "ArrowLeft");
    assert.deepEqual(await stepState(page, "#mlp"), before5);
    await press(page, "End");
    assert.equal(await positionOf(page, "#mlp"), steps.length);
    await press(page, "Home");
    assert.equal(await positionOf(page, "#mlp"), 0);
    const atStart = await stepState(page, "#mlp");
    await press(page, "End");
    await press(page, "Home");
    assert.deepEqual(await stepState(page, "#mlp"), atStart);
  });

  test("a held → catches up once a frame and lands where single presses do", async () => {
    await page.focus("#mlp");
    await press(page, "Home");
    await press(page, "ArrowRight", 7);
    const seven = await stepState(page, "#mlp");
    await press(page, "ArrowLeft", 3);
    const four = await stepState(page, "#mlp");
    await press(page, "Home");
    // A key held down sends repeats; seven arrive before the browser draws the next frame.
    const burst = (key: string, times: number) =>
      page.$eval(
        "#mlp",
        (el, [k, n]) => {
          for (let i = 0; i < n; i++)
            el.dispatchEvent(new KeyboardEvent("keydown", { key: k, repeat: true, bubbles: true }));
          return el.getAttribute("data-position");
        },
        [key, times] as const,
      );
    assert.equal(await burst("ArrowRight", 7), "0", "repeats are drawn in the next frame");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("#mlp")?.dataset.position === "7",
    );
    assert.deepEqual(await stepState(page, "#mlp"), seven);
    assert.equal(await burst("ArrowLeft", 3), "7");
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("#mlp")?.dataset.position === "4",
    );
    assert.deepEqual(await stepState(page, "#mlp"), four);
    // A single press after a burst starts from what is drawn.
    await burst("ArrowRight", 2);
    await press(page, "ArrowLeft", 2);
    assert.deepEqual(await stepState(page, "#mlp"), four);
  });

  test("the text alternative matches the drawing at every step", async () => {
    await press(page, "Home");
    for (let p = 0; p <= steps.length; p++) {
      assert.deepEqual(mismatches(await shownNodes(page, "#mlp"), index, p), [], `position ${p}`);
      await press(page, "ArrowRight");
    }
  });

  test("the table stays in the accessibility tree while it is hidden from sight", async () => {
    await tableSettled(page, "#mlp"); // in the first idle time after the drawing
    const box = page.locator("#mlp .graph-table-box");
    assert.equal(await box.evaluate((el) => el.getBoundingClientRect().height <= 1), true);
    const tree = await page.locator("#mlp").ariaSnapshot();
    assert.match(tree, /table "Nodes in topological order/);
    assert.match(tree, /rowheader "W₁"/);
    assert.match(tree, /button "Show the nodes as a table"/);
    // A step's row changes follow in idle time; opening the table brings them in at once.
    await page.focus("#mlp");
    await press(page, "Home");
    await press(page, "ArrowRight");
    await page.click("#mlp .graph-table-toggle");
    const opened = await box.evaluate((el) => ({
      busy: el.hasAttribute("aria-busy"),
      current: el.querySelector("tr.current")?.getAttribute("data-node") ?? null,
    }));
    assert.deepEqual(opened, { busy: false, current: steps[0]?.node ?? "" });
    assert.ok(await box.evaluate((el) => el.getBoundingClientRect().height > 100));
    assert.equal(await page.getAttribute("#mlp .graph-table-toggle", "aria-pressed"), "true");
    await page.click("#mlp .graph-table-toggle");
    await page.focus("#mlp");
  });

  test("the drawing has a name and a description, and every node a name with its numbers", async () => {
    const tree = await page.locator("#mlp .graph-svg").ariaSnapshot();
    assert.match(tree, /group "Computation graph of ℓ, \d+ nodes"/);
    const desc = await page.$eval("#mlp .graph-svg > desc", (d) => d.textContent ?? "");
    assert.match(desc, /^Left to right: inputs? x; parameters (W₁|W₂|b₁|b₂)(, (W₁|W₂|b₁|b₂)){3}; /);
    await press(page, "End");
    const W1 = expected.nodes.find((n) => n.label === "W₁");
    assert.ok(W1);
    const name = await page.getAttribute(`#mlp [data-node="${W1.id}"]`, "aria-label");
    const numbers = `value ${formatValues(W1.value, 16)}, gradient ${formatValues(W1.grad ?? W1.value, 16)}`;
    // The backward sweep ends at the first layer, so at End W₁ is the current step.
    assert.equal(name, `W₁, parameter: ${numbers}, current step`);
  });

  test("Tab reaches the current node; ↑ ↓ move between nodes; Enter goes to that node's step", async () => {
    await page.focus("#mlp");
    await press(page, "Home");
    await press(page, "ArrowRight", 2);
    let focused = "";
    for (let k = 0; k < 15 && !focused; k++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.getAttribute("data-node") ?? "");
    }
    assert.equal(focused, steps[1]?.node, "Tab lands on the current step's node");
    await press(page, "ArrowDown");
    const next = await page.evaluate(() => document.activeElement?.getAttribute("data-node") ?? "");
    assert.notEqual(next, focused);
    assert.equal(await positionOf(page, "#mlp"), 2, "↓ moves the focus, not the stepper");
    const halo = await page.$eval(
      "#mlp .graph-svg .node:focus .halo",
      (h) => getComputedStyle(h).strokeOpacity,
    );
    assert.equal(halo, "1", "a focused node shows a ring");
    await press(page, "Enter");
    const target = await page.evaluate(() => document.activeElement?.getAttribute("data-node"));
    const pos = await positionOf(page, "#mlp");
    assert.equal(steps[pos - 1]?.node ?? null, pos === 0 ? null : target, `Enter went to ${pos}`);
    await press(page, "ArrowRight");
    assert.equal(await positionOf(page, "#mlp"), pos + 1, "→ still steps with a node focused");
    await page.focus("#mlp");
  });

  test("clicking a node jumps to its step: its gradient once the backward pass is under way", async () => {
    const W1 = expected.nodes.find((n) => n.label === "W₁");
    const z1 = expected.nodes.find((n) => n.label === "z₁");
    assert.ok(W1 && z1);
    await press(page, "Home");
    await page.click(`#mlp [data-node="${z1.id}"]`);
    assert.equal(
      await positionOf(page, "#mlp"),
      1 + expected.forward.findIndex((s) => s.node === z1.id),
    );
    await press(page, "End");
    await page.click(`#mlp [data-node="${W1.id}"]`);
    assert.equal(
      await positionOf(page, "#mlp"),
      1 + expected.forward.length + expected.backward.findIndex((s) => s.node === W1.id),
    );
    assert.equal(await currentLabel(page, "#mlp"), "W₁");
    await page.focus("#mlp");
  });

  test("the aria-live region announces the current step", async () => {
    await press(page, "Home");
    await press(page, "ArrowRight");
    const text = await page.textContent("#mlp .graph-live");
    assert.match(text ?? "", /^Forward 1 of \d+: W₁x = /);
    assert.equal(await page.getAttribute("#mlp .graph-live", "aria-live"), "polite");
  });

  test("keys act on the focused graph only", async () => {
    const ridgeBefore = await positionOf(page, "#ridge");
    await page.focus("#mlp");
    await press(page, "ArrowRight", 2);
    assert.equal(await positionOf(page, "#ridge"), ridgeBefore);
  });

  test("fragment-next steps until the last step, then lets the deck move on", async () => {
    const consumed = await page.evaluate(() => {
      const el = document.querySelector("#ridge");
      const results: boolean[] = [];
      for (let k = 0; el && k < 200; k++) {
        const notPrevented = el.dispatchEvent(
          new CustomEvent("fragment-next", { cancelable: true }),
        );
        results.push(!notPrevented);
        if (notPrevented) break;
      }
      return results;
    });
    const count = await positionOf(page, "#ridge");
    assert.equal(consumed.filter(Boolean).length, count);
    assert.equal(consumed.at(-1), false);
    const back = await page.evaluate(
      () =>
        !document
          .querySelector("#ridge")
          ?.dispatchEvent(new CustomEvent("fragment-prev", { cancelable: true })),
    );
    assert.equal(back, true);
    assert.equal(await positionOf(page, "#ridge"), count - 1);
  });

  test("Space plays and pauses at the chosen speed; a speed off the menu gets an entry", async () => {
    await page.focus("#mlp");
    await press(page, "Home");
    await page.selectOption("#mlp .graph-speed select", "8");
    await page.focus("#mlp");
    await press(page, " ");
    await page.waitForFunction(
      () => Number(document.querySelector("#mlp")?.getAttribute("data-position")) >= 3,
    );
    await press(page, " ");
    const paused = await positionOf(page, "#mlp");
    await page.waitForTimeout(400);
    assert.equal(await positionOf(page, "#mlp"), paused);
    assert.ok(paused >= 3);
    // The ridge view was made with { speed: 3 }.
    assert.equal(
      await page.$eval("#ridge .graph-speed select", (s) => (s as HTMLSelectElement).value),
      "3",
    );
  });

  test("the finite-difference check agrees with every gradient; labels overlap nothing", async () => {
    await page.check("#ridge .graph-fd-toggle input");
    assert.match(
      (await page.textContent("#ridge .graph-status")) ?? "",
      /agree with every gradient/,
    );
    // Screen boxes of every visible label, every outline and the drawing.
    const boxes = await page.$eval("#ridge .graph-svg", (svg) => {
      // (no named helpers in here: the bundler's name helpers do not exist in the page)
      const rects = [svg, ...svg.querySelectorAll(".fd, .shape")]
        .filter((e) => !e.matches(".fd") || getComputedStyle(e).display !== "none")
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { fd: e.matches(".fd"), l: r.left, t: r.top, r: r.right, b: r.bottom };
        });
      const [whole = rects[0], ...parts] = rects;
      return { svg: whole, labels: parts.filter((r) => r.fd), shapes: parts.filter((r) => !r.fd) };
    });
    type Box = { l: number; t: number; r: number; b: number };
    const hit = (a: Box, b: Box): boolean =>
      a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
    assert.ok(boxes.labels.length > 0, "no finite-difference estimate visible");
    for (const [i, label] of boxes.labels.entries()) {
      const svg = boxes.svg ?? label;
      const inside = label.l >= svg.l && label.r <= svg.r && label.b <= svg.b;
      assert.ok(inside, "a label is cut at an edge");
      for (const other of boxes.labels.slice(i + 1))
        assert.ok(!hit(label, other), "labels overlap");
      for (const shape of boxes.shapes) assert.ok(!hit(label, shape), "a label sits on a node");
    }
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
    assert.match(
      (await page.textContent("#neurons .graph-position")) ?? "",
      /^Forward (\d+) of \1/,
    );
    await page.focus("#neurons");
    await press(page, "ArrowRight", 4);
    await page.locator("#neurons").screenshot({ path: join(SCREENSHOT_DIR, "graph-neurons.png") });
  });

  test("the Neurons toggle switches granularity and keeps the place in the pass", async () => {
    const neurons = trace(expandNeurons(mlp221().loss));
    assert.equal(await page.isVisible("#mlp .graph-neurons-toggle"), true);
    assert.equal(
      await page.isVisible("#ridge .graph-neurons-toggle"),
      false,
      "scalar graphs: no toggle",
    );
    await page.focus("#mlp");
    await press(page, "Home");
    await press(page, "ArrowRight", expected.forward.length); // forward pass done
    await page.check("#mlp .graph-neurons-toggle input");
    assert.equal(
      await page.$$eval("#mlp .graph-svg [data-node]", (els) => els.length),
      neurons.nodes.length,
    );
    assert.equal(await positionOf(page, "#mlp"), neurons.forward.length);
    await page.focus("#mlp");
    await press(page, "End");
    await page.uncheck("#mlp .graph-neurons-toggle input");
    assert.equal(await positionOf(page, "#mlp"), steps.length);
    assert.deepEqual(mismatches(await shownNodes(page, "#mlp"), index, steps.length), []);
    await page.focus("#mlp");
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

  test("a big drawing keeps a readable scale and scrolls; 'Actual size' draws it at scale 1", async () => {
    await page.setViewportSize({ width: 600, height: 900 });
    const scale = (): Promise<number> =>
      page.$eval("#neurons .graph-svg", (svg) => {
        const s = svg as SVGSVGElement;
        return s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      });
    const fitted = await scale();
    assert.ok(fitted >= 0.649, `fitted at ${fitted}`);
    const scrolls = await page.$eval(
      "#neurons .graph-canvas",
      (c) => c.scrollWidth > c.clientWidth,
    );
    assert.equal(scrolls, true);
    // A shadow marks each side that hides part of the drawing.
    const sidesAt = async (
      where: "start" | "middle" | "end",
      expected: string,
    ): Promise<string | undefined> => {
      await page.$eval(
        "#neurons .graph-canvas",
        (c, at) => {
          const max = c.scrollWidth - c.clientWidth;
          c.scrollLeft = at === "start" ? 0 : at === "end" ? max : max / 2;
        },
        where,
      );
      // The attribute follows the scroll event; give it a moment, then read what it says.
      await page
        .waitForFunction(
          (want) =>
            document.querySelector<HTMLElement>("#neurons .graph-canvas")?.dataset.more === want,
          expected,
          { polling: 20, timeout: 3000 },
        )
        .catch(() => undefined);
      return page.$eval("#neurons .graph-canvas", (c) => (c as HTMLElement).dataset.more);
    };
    assert.equal(await sidesAt("middle", "left right"), "left right");
    assert.equal(await sidesAt("end", "left"), "left");
    assert.equal(await sidesAt("start", "right"), "right");
    const shadows = await page.$eval(
      "#neurons .graph-canvas",
      (c) => getComputedStyle(c).backgroundImage,
    );
    assert.match(shadows, /^none, radial-gradient/);
    await page.check("#neurons .graph-size-toggle input");
    assert.ok(Math.abs((await scale()) - 1) < 0.01);
    await page.uncheck("#neurons .graph-size-toggle input");
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  test("a 600-node graph holds still, and presses faster than idle time keep its panels small", async () => {
    await page.evaluate(() => (window as unknown as { addBigGraph(): void }).addBigGraph());
    try {
      const still = await page.$eval("#big", (root) => {
        const shape = root.querySelector(".graph-svg .node .shape");
        return [
          root.classList.contains("is-still"),
          shape && getComputedStyle(shape).transitionDuration,
        ];
      });
      assert.deepEqual(still, [true, "0s"]);
      assert.equal(await page.$eval("#mlp", (root) => root.classList.contains("is-still")), false);
      // 60 presses in one task: no idle time between them to tidy the panels up.
      const held = await page.$eval("#big", (root) => {
        (root as HTMLElement).focus();
        for (let k = 0; k < 60; k++)
          root.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
        return [
          (root as HTMLElement).dataset.position,
          root.querySelector(".graph-equation")?.children.length,
          root.querySelector(".graph-ledger")?.children.length,
        ];
      });
      assert.equal(held[0], "60");
      // The shown step, the one before and at most two ahead.
      assert.ok(Number(held[1]) <= 4 && Number(held[2]) <= 4, `panels hold ${held.slice(1)}`);
    } finally {
      await page.$eval("#big", (root) => root.remove());
      await page.focus("#mlp");
    }
  });

  test("every control is reachable with Tab and shows a visible focus ring", async () => {
    await page.focus("#mlp");
    const seen: string[] = [];
    for (let k = 0; k < 16; k++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const node = el.matches("[data-node]");
        return {
          inside: !!el.closest("#mlp"),
          tag: node ? "node" : el.tagName,
          ring: node
            ? getComputedStyle(el.querySelector(".halo") as Element).strokeOpacity
            : getComputedStyle(el).outlineStyle,
        };
      });
      if (!info.inside) break;
      seen.push(info.tag);
      assert.ok(!["none", "0"].includes(info.ring), `${info.tag} has no focus ring`);
    }
    for (const tag of ["BUTTON", "SELECT", "INPUT", "node"])
      assert.ok(seen.includes(tag), seen.join(" "));
  });

  test("no console errors and no request leaves the page's origin", () => {
    assert.deepEqual(watched.errors, []);
    assert.deepEqual(watched.foreignRequests, []);
  });
});

/** Chapter 6's network and loss, as its cell computes them (content/06-backpropagation.md). */
function chapter6(): Trace {
  const X = tensor([[1.0], [0.1]], { name: "x" });
  const W1 = tensor(
    [
      [0.5, -0.3],
      [0.2, 0.8],
    ],
    { requiresGrad: true, name: "W^{(1)}" },
  );
  const b1 = tensor([[0], [0]], { requiresGrad: true, name: "b^{(1)}" });
  const W2 = tensor([[0.7, -0.4]], { requiresGrad: true, name: "W^{(2)}" });
  const b2 = tensor([[0]], { requiresGrad: true, name: "b^{(2)}" });
  const z1 = W1.matmul(X).add(b1);
  const a1 = z1.tanh();
  const z2 = W2.matmul(a1).add(b2);
  const yhat = z2.tanh();
  const sq = F.mseLoss(yhat, tensor([[0.5]], { name: "y" }));
  const loss = sq.mul(0.5);
  const names = {
    "z^{(1)}": z1,
    "a^{(1)}": a1,
    "z^{(2)}": z2,
    "\\hat{y}": yhat,
    "(\\hat{y}-y)^2": sq,
    "\\ell": loss,
  };
  return trace(loss, { names });
}

describe("graph.view on chapter 6 as built", () => {
  const CHAPTER = "/chapters/06-backpropagation/";
  const VIEW = ".graph-view";
  const expected = chapter6();
  const index = indexSteps(expected);
  const f = expected.forward.length;
  let server: StaticServer;

  before(async () => {
    if (!existsSync(`${DIST}${CHAPTER}index.html`))
      throw new Error(
        `${DIST}${CHAPTER}index.html is missing: build the site first (DIST=${DIST} node --import tsx build.mjs)`,
      );
    server = await serveStatic(DIST);
  });
  after(async () => {
    await server?.close();
  });

  async function openChapter(width: number, height: number, dark = false): Promise<WatchedPage> {
    const watched = await openWatchedPage(browser, server.url);
    await watched.page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
    await watched.page.setViewportSize({ width, height });
    await watched.page.goto(server.url + CHAPTER);
    await watched.page.waitForSelector(`${VIEW} .graph-svg`);
    return watched;
  }

  test("reading: → walks its MLP forward and back; node and equation match the trace", async () => {
    const watched = await openChapter(1280, 800);
    const { page } = watched;
    assert.equal(
      await page.$$eval(`${VIEW} .graph-svg [data-node]`, (n) => n.length),
      expected.nodes.length,
    );
    await page.focus(VIEW);
    let at = 0;
    for (const target of [1, f, f + 1, f + 2, f + 5, f + 8, index.count - 1]) {
      await press(page, "ArrowRight", target - at);
      at = target;
      const step = index.steps[target - 1];
      assert.ok(step);
      assert.equal(
        await currentLabel(page, VIEW),
        labelOf(expected, step.node),
        `position ${target}`,
      );
      assert.deepEqual(await equationTex(page, VIEW), expectedTex(step), `position ${target}`);
      assert.deepEqual(
        mismatches(await shownNodes(page, VIEW), index, target),
        [],
        `position ${target}`,
      );
    }
    assert.deepEqual(watched.errors, []);
    assert.deepEqual(watched.foreignRequests, []);
    await page.close();
  });

  test("reading: ← returns to exactly the same drawing, equation, ledger and table", async () => {
    const watched = await openChapter(1280, 800);
    const { page } = watched;
    await page.focus(VIEW);
    for (const p of [2, f, f + 3, index.count - 3]) {
      await press(page, "Home");
      await press(page, "ArrowRight", p);
      const there = await stepState(page, VIEW);
      await press(page, "ArrowRight", 2);
      assert.notDeepEqual(await stepState(page, VIEW), there);
      await press(page, "ArrowLeft", 2);
      assert.deepEqual(await stepState(page, VIEW), there, `back at position ${p}`);
    }
    await page.close();
  });

  test("reading: the graph is a wide figure at a readable scale, mid-backward screenshot", async () => {
    const watched = await openChapter(1280, 800);
    const { page } = watched;
    const column = await page.$eval("main", (m) => m.getBoundingClientRect().width);
    const size = await page.$eval(VIEW, (v) => {
      const svg = v.querySelector(".graph-svg") as SVGSVGElement;
      return {
        view: v.getBoundingClientRect().width,
        scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    assert.ok(
      size.view > column + 100,
      `the view (${size.view}) grows past the column (${column})`,
    );
    assert.ok(size.scale >= 0.649, `drawn at ${size.scale}`);
    assert.equal(size.page, 0, "the page itself does not scroll sideways");
    // Nothing clips the part beyond the column: the view's right end is there to be seen.
    const atRightEnd = await page.$eval(VIEW, (v) => {
      v.scrollIntoView({ block: "start" });
      const r = v.getBoundingClientRect();
      const hit = document.elementFromPoint(r.right - 20, r.top + 40);
      return hit !== null && v.contains(hit);
    });
    assert.equal(atRightEnd, true, "the view's right end is hidden");
    await page.focus(VIEW);
    await press(page, "ArrowRight", f + 4);
    await page.waitForTimeout(400);
    await page
      .locator(VIEW)
      .screenshot({ path: join(SCREENSHOT_DIR, "graph-chapter6-mid-backward.png") });
    await page.close();
  });

  test("print: the step as it stands, the whole drawing on the page, no controls", async () => {
    const watched = await openChapter(1280, 800);
    const { page } = watched;
    await page.focus(VIEW);
    await press(page, "ArrowRight", f + 4);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 700, height: 1000 }); // an A4 page's text width
    // No named or const functions in here: tsx would wrap them in a helper the page lacks.
    const paper = await page.$eval(VIEW, (v) => {
      const view = v.getBoundingClientRect();
      const svg = v.querySelector(".graph-svg")?.getBoundingClientRect();
      const steps = [
        ...v.querySelectorAll(".graph-equation > .eq-step, .graph-ledger > .ledger-step"),
      ];
      return {
        page: document.documentElement.clientWidth,
        view: { left: view.left, right: view.right },
        svg: svg ? { left: svg.left, right: svg.right } : null,
        toolbar: [...(v.querySelector(".graph-toolbar")?.children ?? [])]
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => e.textContent?.trim())
          .join(" "),
        steps: steps.filter((e) => e.getClientRects().length > 0).length,
      };
    });
    assert.ok(paper.view.left >= 0 && paper.view.right <= paper.page + 0.5, "the view fits");
    assert.ok(paper.svg, "the drawing prints");
    assert.ok(
      paper.svg.left >= paper.view.left && paper.svg.right <= paper.view.right,
      `the drawing fits the view: ${JSON.stringify(paper)}`,
    );
    assert.match(paper.toolbar ?? "", /^Backward 4 of 12/);
    assert.doesNotMatch(paper.toolbar ?? "", /Speed|Nudge|Neurons|check/);
    assert.equal(paper.steps, 2, "one equation and one ledger, no blank neighbours");
    await page.close();
  });

  test("dark: the current node's colour differs from every ordinary node's", async () => {
    const watched = await openChapter(1280, 800, true);
    const { page } = watched;
    await page.focus(VIEW);
    for (const [target, kind] of [
      [3, "forward"],
      [f + 3, "backward"],
    ] as const) {
      await press(page, "Home");
      await press(page, "ArrowRight", target);
      const colours = await page.$$eval(`${VIEW} .graph-svg .node`, (nodes) =>
        nodes.map((n) => ({
          current: n.classList.contains("current"),
          stroke: getComputedStyle(n.querySelector(".shape") as Element).stroke,
          fill: getComputedStyle(n.querySelector(".shape") as Element).fill,
          halo: getComputedStyle(n.querySelector(".halo") as Element).strokeOpacity,
        })),
      );
      const current = colours.find((c) => c.current);
      assert.ok(current, `a current ${kind} node`);
      assert.notEqual(current.halo, "0", "the current node has a halo");
      for (const c of colours.filter((c) => !c.current && c !== current)) {
        assert.ok(
          c.fill !== current.fill,
          `${kind}: fill ${current.fill} is also an ordinary node's`,
        );
      }
    }
    await page.screenshot({ path: join(SCREENSHOT_DIR, "graph-chapter6-dark.png") });
    await page.close();
  });

  /** The node texts (label, value, gradient) with less than 4.5:1 contrast on their node. */
  async function lowContrast(page: Page, root: string): Promise<string[]> {
    const out: string[] = [];
    for (const t of await nodeTextColours(page, root)) {
      const fg = parseColour(t.colour);
      const bg = parseColour(t.fill);
      if (!fg || !bg) out.push(`${t.text}: colours ${t.colour} on ${t.fill} not read`);
      else if (contrast(fg, bg) < 4.5) out.push(`${t.text} ${contrast(fg, bg).toFixed(2)}:1`);
    }
    return out;
  }

  test("every node text has at least 4.5:1 contrast, light and dark, forward and backward", async () => {
    for (const dark of [false, true]) {
      const watched = await openChapter(1280, 800, dark);
      const { page } = watched;
      await page.focus(VIEW);
      for (const p of [2, f + 2, f + 7, index.count - 1]) {
        await press(page, "Home");
        await press(page, "ArrowRight", p);
        assert.deepEqual(
          await lowContrast(page, VIEW),
          [],
          `${dark ? "dark" : "light"}, position ${p}`,
        );
      }
      await page.close();
    }
  });

  test("slide 1920×1080: equations ≥ 28 px and one slide scale through every step", async () => {
    const watched = await openChapter(1920, 1080);
    const { page } = watched;
    await page.click("[data-action='present']");
    await page.waitForSelector("section.slide.is-current");
    const slide = await page.$$eval(
      "article.chapter > section.slide",
      (s) => s.findIndex((x) => x.querySelector(".graph-view")) + 1,
    );
    await page.keyboard.type(String(slide));
    await page.keyboard.press("Enter");
    const here = `section.slide.is-current ${VIEW}`;
    await page.waitForSelector(here);
    await page.waitForTimeout(500);
    const measure = () =>
      page.$eval(here, (v) => {
        const s = Number(
          getComputedStyle(v.closest("section") as Element).getPropertyValue("--slide-scale"),
        );
        const k = v.querySelector(".graph-equation .is-shown .katex");
        return { scale: s, eq: k ? Number.parseFloat(getComputedStyle(k).fontSize) * s : null };
      });
    const scales = new Set<number>();
    for (let p = 0; p < index.count; p++) {
      const m = await measure();
      scales.add(Math.round(m.scale * 1000));
      if (p > 0) assert.ok((m.eq ?? 0) >= 28, `position ${p}: equation at ${m.eq} px`);
      if (p === 3 || p === f + 3)
        assert.deepEqual(await lowContrast(page, here), [], `slide, ${p}`);
      if (p === f + 4)
        await page.screenshot({ path: join(SCREENSHOT_DIR, "graph-chapter6-slide.png") });
      await page.keyboard.press("ArrowRight");
      if (p + 1 < index.count)
        await page.waitForFunction(
          ([sel, at]) => Number(document.querySelector(sel)?.getAttribute("data-position")) === at,
          [here, p + 1] as const,
          { polling: 20 },
        );
    }
    assert.equal(scales.size, 1, `the slide was rescaled: ${[...scales].join(", ")}`);
    assert.ok(Math.min(...scales) >= 1300, "the slide is shown large");
    assert.deepEqual(watched.errors, []);
    await page.close();
  });
});
