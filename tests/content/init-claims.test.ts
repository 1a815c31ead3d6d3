// Chapter 8's initialisation section, recomputed from its own cell: the prose says a ReLU stack
// with Xavier's variance loses about √2 per layer (down to a few hundredths after ten), and that
// He's variance keeps the signal near the input's size.
import assert from "node:assert/strict";
import { test } from "node:test";
import { randn, rng, tensor } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

test("chapter 8: Xavier fades in a ReLU stack, He keeps the scale", () => {
  const source = cellWith("content/08-training-in-practice.md", "const reluDepth");
  const builtins = { randn, rng, tensor, html: () => "", display: () => undefined };
  const depth = runCells<{ xavier: number[]; he: number[]; input: number }>(
    source,
    builtins,
    "reluDepth",
  );
  assert.ok(Math.abs(depth.input - 1) < 0.01, `input RMS ${depth.input}`);
  // "a factor of about √2 per layer": the geometric mean ratio over ten layers.
  const perLayer = (depth.input / depth.xavier[9]) ** (1 / 10);
  assert.ok(Math.abs(perLayer - Math.SQRT2) < 0.1, `Xavier loses ${perLayer} per layer`);
  assert.ok(depth.xavier[9] < 0.05, `Xavier after ten layers: ${depth.xavier[9]}`);
  for (const v of depth.he) assert.ok(v > 0.7 && v < 1.3, `He stays near 1: ${depth.he}`);
});
