import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type DeckContext, planAction } from "../../src/slides/plan-action.ts";

const deck: DeckContext = {
  mode: "slides",
  count: 12,
  helpOpen: false,
  overviewOpen: false,
  selection: 4,
  blanked: false,
  jumpDigits: "",
};

describe("planAction(action, context, key)", () => {
  test("next and prev step the deck (fragments first, decided by the deck)", () => {
    assert.deepEqual(planAction({ type: "next" }, deck), [{ type: "step", direction: "next" }]);
    assert.deepEqual(planAction({ type: "prev" }, deck), [{ type: "step", direction: "prev" }]);
  });

  test("on a blank screen a step only brings the slide back", () => {
    const blank = { ...deck, blanked: true };
    assert.deepEqual(planAction({ type: "next" }, blank), [{ type: "blank", on: false }]);
    assert.deepEqual(planAction({ type: "blank" }, blank), [{ type: "blank", on: false }]);
    assert.deepEqual(planAction({ type: "blank" }, deck), [{ type: "blank", on: true }]);
  });

  test("the presenter window steps on while the audience is blank", () => {
    const presenter = { ...deck, mode: "presenter" as const, blanked: true };
    assert.deepEqual(planAction({ type: "next" }, presenter), [
      { type: "step", direction: "next" },
    ]);
  });

  test("in the overview, ←/→ move the selection by one and ↑/↓ by a row", () => {
    const overview = { ...deck, overviewOpen: true };
    assert.deepEqual(planAction({ type: "next" }, overview, "ArrowRight"), [
      { type: "select", slide: 5 },
    ]);
    assert.deepEqual(planAction({ type: "next" }, overview, "ArrowDown"), [
      { type: "select-row", rows: 1 },
    ]);
    assert.deepEqual(planAction({ type: "prev" }, overview, "ArrowUp"), [
      { type: "select-row", rows: -1 },
    ]);
    assert.deepEqual(planAction({ type: "last" }, overview), [{ type: "select", slide: 11 }]);
    assert.deepEqual(planAction({ type: "enter" }, overview), [{ type: "open-tile", slide: 4 }]);
  });

  test("Home and End go to the first and last slide", () => {
    assert.deepEqual(planAction({ type: "first" }, deck), [{ type: "go", slide: 0 }]);
    assert.deepEqual(planAction({ type: "last" }, deck), [{ type: "go", slide: 11 }]);
  });

  test("digits then Enter jump, clamped, and close the overview", () => {
    assert.deepEqual(planAction({ type: "digit", digit: "7" }, { ...deck, jumpDigits: "1" }), [
      { type: "digits", digits: "17" },
    ]);
    assert.deepEqual(planAction({ type: "enter" }, { ...deck, jumpDigits: "17" }), [
      { type: "digits", digits: "" },
      { type: "go", slide: 11 },
    ]);
    assert.deepEqual(
      planAction({ type: "enter" }, { ...deck, jumpDigits: "3", overviewOpen: true }),
      [
        { type: "digits", digits: "" },
        { type: "overview", open: false },
        { type: "go", slide: 2 },
      ],
    );
  });

  test("another key abandons half-typed digits; Esc does only that", () => {
    const typing = { ...deck, jumpDigits: "4" };
    assert.deepEqual(planAction({ type: "escape" }, typing), [{ type: "digits", digits: "" }]);
    assert.deepEqual(planAction({ type: "next" }, typing), [
      { type: "digits", digits: "" },
      { type: "step", direction: "next" },
    ]);
  });

  test("Esc closes the help, then the overview, then leaves the deck", () => {
    const both = { ...deck, helpOpen: true, overviewOpen: true };
    assert.deepEqual(planAction({ type: "escape" }, both), [{ type: "help", open: false }]);
    assert.deepEqual(planAction({ type: "escape" }, { ...deck, overviewOpen: true }), [
      { type: "overview", open: false },
    ]);
    assert.deepEqual(planAction({ type: "escape" }, deck), [{ type: "leave" }]);
  });

  test("the presenter window neither leaves on Esc nor opens another presenter window", () => {
    const presenter = { ...deck, mode: "presenter" as const };
    assert.deepEqual(planAction({ type: "escape" }, presenter), []);
    assert.deepEqual(planAction({ type: "presenter" }, presenter), []);
    assert.deepEqual(planAction({ type: "presenter" }, deck), [{ type: "presenter" }]);
  });

  test("toggles: overview, help, full screen, theme", () => {
    assert.deepEqual(planAction({ type: "overview" }, deck), [{ type: "overview", open: true }]);
    assert.deepEqual(planAction({ type: "help" }, { ...deck, helpOpen: true }), [
      { type: "help", open: false },
    ]);
    assert.deepEqual(planAction({ type: "fullscreen" }, deck), [{ type: "fullscreen" }]);
    assert.deepEqual(planAction({ type: "theme" }, deck), [{ type: "theme" }]);
  });
});

describe("planAction: pointer tools", () => {
  const base = {
    mode: "slides" as const,
    count: 5,
    helpOpen: false,
    overviewOpen: false,
    selection: 0,
    blanked: false,
    jumpDigits: "",
  };
  test("l, d, e take up a tool, the same key puts it down", () => {
    assert.deepEqual(planAction({ type: "draw" }, base), [{ type: "tool", tool: "draw" }]);
    assert.deepEqual(planAction({ type: "draw" }, { ...base, tool: "draw" }), [
      { type: "tool", tool: "none" },
    ]);
    assert.deepEqual(planAction({ type: "laser" }, { ...base, tool: "draw" }), [
      { type: "tool", tool: "laser" },
    ]);
  });

  test("z toggles the zoom; nothing of the kind in the overview", () => {
    assert.deepEqual(planAction({ type: "zoom" }, base), [{ type: "zoom", on: true }]);
    assert.deepEqual(planAction({ type: "zoom" }, { ...base, zoomed: true }), [
      { type: "zoom", on: false },
    ]);
    assert.deepEqual(planAction({ type: "zoom" }, { ...base, overviewOpen: true }), []);
    assert.deepEqual(planAction({ type: "clear-ink" }, { ...base, overviewOpen: true }), []);
  });

  test("Esc ends the zoom, then puts the tool down, then leaves", () => {
    const busy = { ...base, zoomed: true, tool: "erase" as const };
    assert.deepEqual(planAction({ type: "escape" }, busy), [{ type: "zoom", on: false }]);
    assert.deepEqual(planAction({ type: "escape" }, { ...busy, zoomed: false }), [
      { type: "tool", tool: "none" },
    ]);
    assert.deepEqual(planAction({ type: "escape" }, base), [{ type: "leave" }]);
  });
});
