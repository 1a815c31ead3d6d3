// Chapter 8's initialisation section, recomputed from its own cell: the prose says a ReLU stack
// with Xavier's variance loses about √2 per layer (down to a few hundredths after ten), and that
// He's variance keeps the signal near the input's size.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { randn, rng, tensor } from "../../src/index.ts";

const markdown = readFileSync(
  new URL("../../content/08-training-in-practice.md", import.meta.url),
  "utf8",
);
const cells = [...markdown.matchAll(/^```js[^\n]*\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");

test("chapter 8: Xavier fades in a ReLU stack, He keeps the scale", () => {
  const source = cells.find((c) => c.includes("const reluDepth"));
  assert.ok(source, "chapter 8 no longer has the cell that defines reluDepth");
  const builtins = { randn, rng, tensor, html: () => "", display: () => undefined };
  // The chapter's own cell, run as a function body the way the page runs it.
  const depth = new Function(...Object.keys(builtins), `${source}\nreturn reluDepth;`)(
    ...Object.values(builtins),
  ) as { xavier: number[]; he: number[]; input: number };
  assert.ok(Math.abs(depth.input - 1) < 0.01, `input RMS ${depth.input}`);
  // "a factor of about √2 per layer": the geometric mean ratio over ten layers.
  const perLayer = (depth.input / depth.xavier[9]) ** (1 / 10);
  assert.ok(Math.abs(perLayer - Math.SQRT2) < 0.1, `Xavier loses ${perLayer} per layer`);
  assert.ok(depth.xavier[9] < 0.05, `Xavier after ten layers: ${depth.xavier[9]}`);
  for (const v of depth.he) assert.ok(v > 0.7 && v < 1.3, `He stays near 1: ${depth.he}`);
});
