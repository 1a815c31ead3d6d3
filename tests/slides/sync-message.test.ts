import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSyncEnvelope, syncChannelName } from "../../src/slides/sync-message.ts";

describe("parseSyncEnvelope(data)", () => {
  test("accepts each well-formed message", () => {
    for (const message of [
      { type: "goto", slide: 3 },
      { type: "fragment", slide: 0, direction: "prev" },
      { type: "blank", on: true },
      { type: "hello" },
      { type: "audience" },
      { type: "bye" },
      { type: "laser", slide: 2, x: 640.5, y: 10, visible: true },
      {
        type: "ink",
        slide: 1,
        strokes: [
          [1, 2, 3, 4],
          [5, 6],
        ],
      },
      { type: "zoom", slide: 0, x: 320, y: 180, on: false },
      {
        type: "demo",
        slide: 3,
        demo: 0,
        snapshot: { steps: 12, playing: true, finished: false, speed: "max", state: [{ w: [1] }] },
      },
    ]) {
      assert.deepEqual(parseSyncEnvelope({ from: "a", message }), { from: "a", message });
    }
  });

  test("drops extra fields it does not know", () => {
    assert.deepEqual(parseSyncEnvelope({ from: "a", message: { type: "goto", slide: 1, x: 9 } }), {
      from: "a",
      message: { type: "goto", slide: 1 },
    });
  });

  test("rejects malformed messages", () => {
    for (const data of [
      null,
      "goto",
      { message: { type: "hello" } },
      { from: "a", message: { type: "goto", slide: -1 } },
      { from: "a", message: { type: "goto", slide: 1.5 } },
      { from: "a", message: { type: "demo", slide: 1, demo: 0 } },
      { from: "a", message: { type: "laser", slide: 1, x: Number.NaN, y: 0, visible: true } },
      { from: "a", message: { type: "ink", slide: 1, strokes: [["1"]] } },
      { from: "a", message: { type: "zoom", slide: 1, x: 0, y: 0 } },
      { from: "a", message: { type: "demo", slide: 1, demo: 0, snapshot: { steps: -1 } } },
      { from: "a", message: { type: "fragment", slide: 1, direction: "up" } },
      { from: "a", message: { type: "blank", on: "yes" } },
      { from: "a", message: { type: "reload" } },
    ]) {
      assert.equal(parseSyncEnvelope(data), null, JSON.stringify(data));
    }
  });
});

describe("syncChannelName(pathname)", () => {
  test("one channel per chapter", () => {
    assert.notEqual(
      syncChannelName("/chapters/05-graphs/"),
      syncChannelName("/chapters/06-backprop/"),
    );
  });
});

describe("parseSyncEnvelope(data) for mirrored controls", () => {
  test("accepts a control change and a button press", () => {
    const control = { type: "control", slide: 1, control: 2, value: "0.3", checked: false };
    assert.deepEqual(parseSyncEnvelope({ from: "a", message: control }), {
      from: "a",
      message: control,
    });
    const press = { type: "press", slide: 4, control: 0 };
    assert.deepEqual(parseSyncEnvelope({ from: "a", message: press }), {
      from: "a",
      message: press,
    });
  });

  test("rejects a control without a string value or with a bad index", () => {
    for (const message of [
      { type: "control", slide: 1, control: 2, value: 3, checked: false },
      { type: "control", slide: 1, control: -1, value: "x", checked: false },
      { type: "control", slide: 1, control: 0, value: "x" },
      { type: "press", slide: 1 },
    ]) {
      assert.equal(parseSyncEnvelope({ from: "a", message }), null, JSON.stringify(message));
    }
  });
});
