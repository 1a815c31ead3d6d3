import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eraseAt, strokePath, toSlidePoint, zoomCentre } from "../../src/slides/ink-geometry.ts";

describe("ink geometry", () => {
  test("toSlidePoint maps the slide's box on screen to its logical pixels", () => {
    const box = { left: 100, top: 50, width: 640, height: 360 };
    assert.deepEqual(toSlidePoint(420, 230, box, { width: 1280, height: 720 }), { x: 640, y: 360 });
  });

  test("eraseAt removes the strokes passing near the point, and only those", () => {
    const across = [0, 100, 400, 100];
    const far = [0, 600, 50, 650];
    assert.deepEqual(eraseAt([across, far], { x: 200, y: 110 }), [far]);
    assert.deepEqual(eraseAt([across, far], { x: 200, y: 300 }), [across, far]);
    assert.deepEqual(eraseAt([[10, 10]], { x: 12, y: 12 }), [], "a dot is erased too");
  });

  test("zoomCentre keeps a 2× view inside the slide", () => {
    const size = { width: 1280, height: 720 };
    assert.deepEqual(zoomCentre({ x: 640, y: 360 }, size), { x: 640, y: 360 });
    assert.deepEqual(zoomCentre({ x: 10, y: 700 }, size), { x: 320, y: 540 });
  });

  test("strokePath draws the points in order", () => {
    assert.equal(strokePath([1, 2, 3.25, 4]), "M1.0 2.0 L3.3 4.0");
  });
});
