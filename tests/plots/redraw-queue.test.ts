import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type Redraw, RedrawQueue } from "../../src/plots/redraw-queue.ts";

/** A queue on a fake clock and fake animation frames, run by hand. */
function fakeQueue(budgetMs = 6) {
  let clock = 0;
  const frames: (() => void)[] = [];
  const queue = new RedrawQueue(
    (run) => frames.push(run),
    () => clock,
    budgetMs,
  );
  /** A plot's redraw costing `ms` milliseconds, logging its name when it draws. */
  const plot =
    (name: string, ms: number, log: string[]): Redraw =>
    async () => {
      clock += ms;
      log.push(name);
    };
  /** Runs the frame requested last; resolves once its redraws have settled. */
  const nextFrame = async () => {
    const run = frames.shift();
    assert.ok(run, "a frame was requested");
    run();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { queue, plot, nextFrame, frames };
}

describe("RedrawQueue", () => {
  test("add(redraw) draws it on the next frame, once however often it was added", async () => {
    const { queue, plot, nextFrame, frames } = fakeQueue();
    const log: string[] = [];
    const a = plot("a", 1, log);
    queue.add(a);
    queue.add(a);
    assert.equal(frames.length, 1, "one frame requested");
    assert.deepEqual(log, [], "nothing drawn before the frame");
    await nextFrame();
    assert.deepEqual(log, ["a"]);
    assert.equal(frames.length, 0, "nothing left: no more frames");
  });

  test("a frame draws plots oldest first until its budget is spent; the rest draw next frame", async () => {
    const { queue, plot, nextFrame, frames } = fakeQueue(6);
    const log: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => plot(name, 4, log)) as Redraw[];
    for (const redraw of [a, b, c, d]) queue.add(redraw as Redraw);
    await nextFrame();
    assert.deepEqual(log, ["a", "b"], "4 ms + 4 ms: the second passes the 6 ms budget");
    assert.equal(queue.size, 2);
    queue.add(a as Redraw); // a changed again: it waits behind c and d
    await nextFrame();
    assert.deepEqual(log, ["a", "b", "c", "d"]);
    await nextFrame();
    assert.deepEqual(log, ["a", "b", "c", "d", "a"]);
    assert.equal(frames.length, 0);
  });

  test("at least one plot draws each frame, however slow", async () => {
    const { queue, plot, nextFrame } = fakeQueue(6);
    const log: string[] = [];
    queue.add(plot("slow", 50, log));
    queue.add(plot("next", 1, log));
    await nextFrame();
    assert.deepEqual(log, ["slow"]);
    await nextFrame();
    assert.deepEqual(log, ["slow", "next"]);
  });

  test("a redraw that fails does not stop the others", async () => {
    const { queue, plot, nextFrame } = fakeQueue(6);
    const log: string[] = [];
    queue.add(async () => {
      throw new Error("broken spec");
    });
    queue.add(plot("fine", 1, log));
    await nextFrame();
    assert.deepEqual(log, ["fine"]);
  });
});
