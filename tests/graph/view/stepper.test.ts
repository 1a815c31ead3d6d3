import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { initialStepper, stepperReducer } from "../../../src/graph/view/stepper.ts";

describe("stepperReducer(state, action)", () => {
  const s0 = initialStepper(5);

  test("next and prev move one position and stop at the ends", () => {
    let s = stepperReducer(s0, { type: "prev" });
    assert.equal(s, s0);
    s = stepperReducer(s, { type: "next" });
    assert.equal(s.position, 1);
    for (let k = 0; k < 10; k++) s = stepperReducer(s, { type: "next" });
    assert.equal(s.position, 4);
    assert.equal(stepperReducer(s, { type: "prev" }).position, 3);
  });

  test("reset and end jump; goto clamps", () => {
    assert.equal(stepperReducer(s0, { type: "end" }).position, 4);
    assert.equal(
      stepperReducer(stepperReducer(s0, { type: "end" }), { type: "reset" }).position,
      0,
    );
    assert.equal(stepperReducer(s0, { type: "goto", position: 99 }).position, 4);
    assert.equal(stepperReducer(s0, { type: "goto", position: -3 }).position, 0);
  });

  test("play ticks forward and stops by itself at the last step", () => {
    let s = stepperReducer(s0, { type: "play" });
    assert.equal(s.playing, true);
    const seen: number[] = [];
    while (s.playing) {
      s = stepperReducer(s, { type: "tick" });
      seen.push(s.position);
    }
    assert.deepEqual(seen, [1, 2, 3, 4]);
  });

  test("play at the end starts over; toggle pauses; a tick while paused does nothing", () => {
    const atEnd = stepperReducer(s0, { type: "end" });
    const replay = stepperReducer(atEnd, { type: "toggle" });
    assert.deepEqual([replay.position, replay.playing], [0, true]);
    const paused = stepperReducer(replay, { type: "toggle" });
    assert.equal(paused.playing, false);
    assert.equal(stepperReducer(paused, { type: "tick" }), paused);
  });

  test("a key press while playing pauses, so the lecturer takes over", () => {
    const playing = stepperReducer(s0, { type: "play" });
    assert.equal(stepperReducer(playing, { type: "next" }).playing, false);
  });

  test("speed changes only to positive values", () => {
    assert.equal(stepperReducer(s0, { type: "speed", speed: 4 }).speed, 4);
    assert.equal(stepperReducer(s0, { type: "speed", speed: 0 }), s0);
  });
});
