import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { actionForKey, KEY_HELP } from "../../src/slides/deck-keys.ts";

const type = (key: string, mods: Record<string, boolean> = {}) =>
  actionForKey({ key, ...mods })?.type ?? null;

describe("actionForKey(press)", () => {
  test("arrows, Space, PageDown and n go forward; clickers send PageDown", () => {
    for (const key of ["ArrowRight", "ArrowDown", " ", "PageDown", "n", "N"]) {
      assert.equal(type(key), "next", key);
    }
  });

  test("←, PageUp, p and Shift+Space go back", () => {
    for (const key of ["ArrowLeft", "ArrowUp", "PageUp", "p", "Backspace"]) {
      assert.equal(type(key), "prev", key);
    }
    assert.equal(type(" ", { shiftKey: true }), "prev");
  });

  test("the other deck keys", () => {
    assert.equal(type("Home"), "first");
    assert.equal(type("End"), "last");
    assert.equal(type("Enter"), "enter");
    assert.equal(type("Escape"), "escape");
    assert.equal(type("f"), "fullscreen");
    assert.equal(type("b"), "blank");
    assert.equal(type("B"), "blank");
    assert.equal(type("."), "blank");
    assert.equal(type("o"), "overview");
    assert.equal(type("?", { shiftKey: true }), "help");
    assert.equal(type("t"), "presenter");
    assert.equal(type("c"), "theme");
  });

  test("digits are collected for a jump", () => {
    assert.deepEqual(actionForKey({ key: "7" }), { type: "digit", digit: "7" });
  });

  test("chords with Ctrl, Cmd or Alt belong to the browser", () => {
    assert.equal(type("f", { ctrlKey: true }), null);
    assert.equal(type("p", { metaKey: true }), null);
    assert.equal(type("ArrowLeft", { altKey: true }), null);
  });

  test("the pointer tools: laser, draw, erase, clear, zoom, print the drawings", () => {
    assert.equal(type("l"), "laser");
    assert.equal(type("d"), "draw");
    assert.equal(type("e"), "erase");
    assert.equal(type("x"), "clear-ink");
    assert.equal(type("z"), "zoom");
    assert.equal(type("k"), "print-ink");
  });

  test("unknown keys do nothing", () => {
    for (const key of ["q", "Tab", "Shift", "F5", "ArrowRightX"])
      assert.equal(type(key), null, key);
  });

  test("the help lists every action a key can reach", () => {
    const text = KEY_HELP.map(([, meaning]) => meaning).join(" ");
    for (const word of ["next", "previous", "overview", "blank", "full screen", "presenter"]) {
      assert.match(text, new RegExp(word));
    }
  });
});
