import assert from "node:assert/strict";
import { test } from "node:test";
import { actionForKey } from "../../../src/graph/view/stepper-keys.ts";

const none = { altKey: false, ctrlKey: false, metaKey: false };
// A stand-in for the event target: only `closest` is consulted.
const target = (matches: string[]): Element =>
  ({
    closest: (sel: string) => (sel.split(", ").some((s) => matches.includes(s)) ? {} : null),
  }) as unknown as Element;

test("actionForKey(key) maps → ← Space Home End to the stepper's actions", () => {
  const plain = target([]);
  assert.deepEqual(actionForKey("ArrowRight", none, plain), { type: "next" });
  assert.deepEqual(actionForKey("ArrowLeft", none, plain), { type: "prev" });
  assert.deepEqual(actionForKey(" ", none, plain), { type: "toggle" });
  assert.deepEqual(actionForKey("Home", none, plain), { type: "reset" });
  assert.deepEqual(actionForKey("End", none, plain), { type: "end" });
  assert.equal(actionForKey("x", none, plain), null);
});

test("actionForKey leaves modified keys and form controls' own keys alone", () => {
  assert.equal(actionForKey("ArrowRight", { ...none, altKey: true }, target([])), null);
  assert.equal(actionForKey("ArrowRight", none, target(["select"])), null);
  assert.equal(actionForKey(" ", none, target(["button"])), null);
  assert.deepEqual(actionForKey("ArrowRight", none, target(["button"])), { type: "next" });
});

test("actionForKey leaves ← → Home End to the stepper on its own checkboxes, Space to the box", () => {
  const checkbox = {
    closest: (sel: string) =>
      sel.split(", ").includes("input") ? { tagName: "INPUT", type: "checkbox" } : null,
  } as unknown as Element;
  assert.deepEqual(actionForKey("ArrowRight", none, checkbox), { type: "next" });
  assert.deepEqual(actionForKey("ArrowLeft", none, checkbox), { type: "prev" });
  assert.deepEqual(actionForKey("End", none, checkbox), { type: "end" });
  assert.equal(actionForKey(" ", none, checkbox), null);
  const text = {
    closest: (sel: string) =>
      sel.split(", ").includes("input") ? { tagName: "INPUT", type: "number" } : null,
  } as unknown as Element;
  assert.equal(actionForKey("ArrowRight", none, text), null);
});
