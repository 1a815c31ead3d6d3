import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  contentFit,
  letterbox,
  overviewGrid,
  SLIDE_HEIGHT,
  SLIDE_WIDTH,
} from "../../src/slides/stage-geometry.ts";

describe("letterbox(box, margin, slideWidth)", () => {
  test("a 960-wide (4:3) slide fills a 1024×768 screen with no bars", () => {
    assert.deepEqual(letterbox({ x: 0, y: 0, width: 1024, height: 768 }, 0, 960), {
      x: 0,
      y: 0,
      scale: 768 / 720,
      slideWidth: 960,
    });
  });

  test("a 16:9 screen is filled exactly", () => {
    assert.deepEqual(letterbox({ x: 0, y: 0, width: 1920, height: 1080 }), {
      x: 0,
      y: 0,
      scale: 1.5,
      slideWidth: 1280,
    });
  });

  test("a 16:9 deck on a 4:3 projector gets bars above and below", () => {
    const p = letterbox({ x: 0, y: 0, width: 1024, height: 768 });
    assert.equal(p.scale, 0.8);
    assert.equal(p.x, 0);
    assert.equal(p.y, (768 - 576) / 2);
  });

  test("an ultra-wide screen gets bars left and right", () => {
    const p = letterbox({ x: 0, y: 0, width: 3440, height: 1440 });
    assert.equal(p.scale, 2);
    assert.equal(p.x, (3440 - 2560) / 2);
    assert.equal(p.y, 0);
  });

  test("the slide always fits inside the box, centred", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: -500, max: 500 }),
        (width, height, x) => {
          const p = letterbox({ x, y: 0, width, height });
          const w = SLIDE_WIDTH * p.scale;
          const h = SLIDE_HEIGHT * p.scale;
          assert.ok(w <= width + 1e-9 && h <= height + 1e-9);
          assert.ok(Math.abs(p.x - x - (width - w) / 2) < 1e-9);
          assert.ok(Math.abs(w - width) < 1e-9 || Math.abs(h - height) < 1e-9, "touches two edges");
        },
      ),
    );
  });
});

describe("overviewGrid(count, box, gap)", () => {
  test("six slides on a 16:9 screen make three columns and two rows", () => {
    const grid = overviewGrid(6, { x: 0, y: 0, width: 1920, height: 1080 });
    assert.equal(grid.columns, 3);
    assert.equal(grid.tiles.length, 6);
    assert.equal(grid.tiles[3]?.x, grid.tiles[0]?.x, "the second row starts under the first");
  });

  test("tiles never overlap and stay on screen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (count) => {
        const box = { x: 0, y: 0, width: 1600, height: 900 };
        const { tiles } = overviewGrid(count, box, 16);
        const rects = tiles.map((t) => ({
          x: t.x,
          y: t.y,
          r: t.x + SLIDE_WIDTH * t.scale,
          b: t.y + SLIDE_HEIGHT * t.scale,
        }));
        for (const [i, a] of rects.entries()) {
          assert.ok(a.x >= -1e-9 && a.y >= -1e-9 && a.r <= 1600 + 1e-9 && a.b <= 900 + 1e-9);
          for (const b of rects.slice(i + 1)) {
            const apart =
              a.r <= b.x + 1e-9 || b.r <= a.x + 1e-9 || a.b <= b.y + 1e-9 || b.b <= a.y + 1e-9;
            assert.ok(apart, `tiles ${i} and another overlap`);
          }
        }
      }),
    );
  });

  test("an empty deck has no tiles", () => {
    assert.deepEqual(overviewGrid(0, { x: 0, y: 0, width: 100, height: 100 }).tiles, []);
  });
});

describe("contentFit(width, height, floor)", () => {
  test("content that fits is left at full size", () => {
    assert.equal(contentFit(1280, 720), 1);
    assert.equal(contentFit(900, 400), 1);
  });

  test("taller or wider content is shrunk by the larger overflow", () => {
    assert.equal(contentFit(1280, 960), 0.75);
    assert.equal(contentFit(1600, 800), 0.8);
  });

  test("never shrinks below the floor, and survives a zero size", () => {
    assert.equal(contentFit(1280, 7200), 0.5);
    assert.equal(contentFit(0, 0), 1);
  });
});
