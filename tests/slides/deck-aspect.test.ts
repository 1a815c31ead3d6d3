import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deckAspect, parseAspect } from "../../src/slides/deck-aspect.ts";

describe("parseAspect(name)", () => {
  test("every shape keeps the 720 px height: 16:9 is 1280 wide, 16:10 1152, 4:3 960", () => {
    assert.deepEqual(parseAspect("16:9"), { name: "16:9", width: 1280 });
    assert.deepEqual(parseAspect("16:10"), { name: "16:10", width: 1152 });
    assert.deepEqual(parseAspect(" 4:3 "), { name: "4:3", width: 960 });
  });

  test("anything else is not a shape", () => {
    for (const bad of ["3:2", "4/3", "", null, undefined, "16:9:1"]) {
      assert.equal(parseAspect(bad), null, String(bad));
    }
  });
});

describe("deckAspect(href, pageAspect)", () => {
  test("16:9 when nothing asks for another shape", () => {
    assert.equal(deckAspect("http://h/chapters/01/?slides").name, "16:9");
  });

  test("the page's front matter sets the shape", () => {
    assert.equal(deckAspect("http://h/chapters/01/?slides", "4:3").width, 960);
  });

  test("?aspect= in the address wins over the page, and a bad one is ignored", () => {
    assert.equal(deckAspect("http://h/x/?slides&aspect=16:10", "4:3").name, "16:10");
    assert.equal(deckAspect("http://h/x/?slides&aspect=5:4", "4:3").name, "4:3");
  });
});
