import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { data } from "../../src/index.ts";

describe("data.digits()", () => {
  test("holds the 1,797 labelled 8×8 images, as [N, 1, 8, 8], [N, 64] and [N]", async () => {
    const d = await data.digits();
    assert.equal(data.DIGITS_COUNT, 1797);
    assert.deepEqual(d.images.shape, [1797, 1, 8, 8]);
    assert.deepEqual(d.x.shape, [1797, 64]);
    assert.deepEqual(d.y.shape, [1797]);
    assert.equal(d.labels.length, 1797);
    assert.equal(d.pixels.length, 1797 * 64);
  });

  test("has the source's label histogram, and the labels 0…9 cycle at the start", async () => {
    const d = await data.digits();
    const histogram = Array.from({ length: 10 }, (_, k) => d.labels.filter((l) => l === k).length);
    assert.deepEqual(histogram, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    assert.deepEqual(d.labels.slice(0, 12), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    assert.deepEqual(Array.from(d.y.data.slice(0, 3)), [0, 1, 2]);
  });

  test("keeps the source's pixels: the first image, a pixel of image 1000, the last image's top rows, the sum", async () => {
    const d = await data.digits();
    // digits.csv.gz line 1: a zero
    assert.deepEqual(
      Array.from(d.pixels.subarray(0, 16)),
      [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0],
    );
    assert.equal(d.pixels[1000 * 64 + 36], 14);
    assert.equal(d.labels[1000], 1);
    assert.deepEqual(
      Array.from(d.pixels.subarray(1796 * 64, 1796 * 64 + 16)),
      [0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0],
    );
    assert.equal(d.labels[1796], 8);
    assert.equal(
      d.pixels.reduce((a, b) => a + b, 0),
      561718,
    );
    assert.ok(d.pixels.every((v) => v >= 0 && v <= 16));
  });

  test("scales the pixels to [0, 1] by default, keeps 0–16 with { scale: false }", async () => {
    const scaled = await data.digits();
    assert.equal(scaled.x.data[3], 13 / 16);
    assert.equal(scaled.images.data[3], 13 / 16);
    assert.equal(Math.max(...scaled.x.data), 1);
    const raw = await data.digits({ scale: false });
    assert.equal(raw.x.data[3], 13);
  });

  test("gives fresh tensors on each call", async () => {
    const a = await data.digits();
    a.x.data[0] = 99;
    const b = await data.digits();
    assert.equal(b.x.data[0], 0);
    assert.notEqual(a.images.data, a.x.data);
  });

  test("refuses options that are not an object", async () => {
    await assert.rejects(
      () => data.digits(5 as never),
      /^Error: data\.digits: expected options such as \{ scale: false \}, or nothing, found the number 5$/,
    );
  });
});
