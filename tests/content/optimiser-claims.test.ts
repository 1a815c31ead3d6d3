// Chapter 8's momentum and Adam comparison, recomputed from its own cell: the prose says plain
// descent is still crawling after 50 steps, momentum at the same step size is orders of
// magnitude lower, and Adam is no faster than momentum there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { optim, tensor } from "../../src/index.ts";
import { cellWith, runCells } from "./chapter-cells.ts";

test("chapter 8: momentum beats plain descent on the valley, Adam does not beat momentum", () => {
  const source = cellWith("content/08-training-in-practice.md", "const valley =");
  const builtins = {
    optim,
    tensor,
    optSteps: 50,
    html: () => "",
    display: () => undefined,
    plots: { vegaLite: () => undefined },
  };
  const lossAt = runCells<(name: string, t: number) => number>(source, builtins, "lossAt");
  const gd = lossAt("gradient descent", 50);
  const momentum = lossAt("momentum", 50);
  const adam = lossAt("Adam", 50);
  assert.ok(gd > 0.1, `plain descent still crawling: ${gd}`);
  assert.ok(momentum < gd * 1e-3, `momentum ${momentum} vs descent ${gd}`);
  assert.ok(adam > momentum, `Adam ${adam} vs momentum ${momentum}`);
  assert.ok(adam < 1, `Adam went down from R = 64.25: ${adam}`);
});
