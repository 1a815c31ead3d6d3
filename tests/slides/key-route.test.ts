import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type FocusKind, isSlideKey, routeKey } from "../../src/slides/key-route.ts";

const ALL: FocusKind[] = ["none", "text", "slider", "select", "pressable", "fragments"];

describe("routeKey(press, focus)", () => {
  test("PageDown and PageUp (what clickers send) go to the deck whatever has the focus", () => {
    for (const focus of ALL) {
      assert.equal(routeKey({ key: "PageDown" }, focus), "deck", focus);
      assert.equal(routeKey({ key: "PageUp" }, focus), "deck", focus);
    }
  });

  test("→ ← Space go to the deck except from a text box or code editor", () => {
    for (const key of ["ArrowRight", "ArrowLeft", " "]) {
      for (const focus of ALL) {
        assert.equal(
          routeKey({ key }, focus),
          focus === "text" ? "widget" : "deck",
          `${key} ${focus}`,
        );
      }
    }
    assert.equal(routeKey({ key: " ", shiftKey: true }, "slider"), "deck");
  });

  test("a slider and a menu keep ↑ ↓ (and Home End); elsewhere ↑ ↓ move the deck", () => {
    for (const key of ["ArrowUp", "ArrowDown"]) {
      assert.equal(routeKey({ key }, "slider"), "widget");
      assert.equal(routeKey({ key }, "select"), "widget");
      assert.equal(routeKey({ key }, "none"), "deck");
      assert.equal(routeKey({ key }, "pressable"), "deck");
    }
    assert.equal(routeKey({ key: "Home" }, "slider"), "widget");
    assert.equal(routeKey({ key: "End" }, "fragments"), "widget");
    assert.equal(routeKey({ key: "Home" }, "none"), "deck");
  });

  test("Enter presses a focused button or checkbox, opens a menu, jumps elsewhere", () => {
    assert.equal(routeKey({ key: "Enter" }, "pressable"), "press");
    assert.equal(routeKey({ key: "Enter" }, "select"), "widget");
    assert.equal(routeKey({ key: "Enter" }, "fragments"), "widget");
    assert.equal(routeKey({ key: "Enter" }, "none"), "deck");
    assert.equal(routeKey({ key: "Enter" }, "text"), "widget");
  });

  test("a text box keeps every key but the clicker's; letters elsewhere reach the deck", () => {
    for (const key of ["n", "b", "Escape", "Backspace", "ArrowUp"]) {
      assert.equal(routeKey({ key }, "text"), "widget", key);
    }
    assert.equal(
      routeKey({ key: "b" }, "slider"),
      "deck",
      "a remote's blank key works from a slider",
    );
    assert.equal(routeKey({ key: "." }, "pressable"), "deck");
  });

  test("chords belong to the browser", () => {
    assert.equal(routeKey({ key: "PageDown", ctrlKey: true }, "none"), "widget");
    assert.equal(routeKey({ key: "ArrowRight", altKey: true }, "slider"), "widget");
  });

  test("isSlideKey names the remote's keys only", () => {
    for (const key of ["PageDown", "PageUp", "ArrowRight", "ArrowLeft", " "])
      assert.ok(isSlideKey(key));
    for (const key of ["ArrowUp", "Enter", "n"]) assert.ok(!isSlideKey(key));
  });
});
