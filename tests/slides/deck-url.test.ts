import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { deckUrl, parseDeckUrl } from "../../src/slides/deck-url.ts";

const PAGE = "http://127.0.0.1:8080/chapters/06-backprop/";

describe("parseDeckUrl(href)", () => {
  test("a plain page is read, with no slide", () => {
    assert.deepEqual(parseDeckUrl(PAGE), { mode: "read", slide: null });
    assert.deepEqual(parseDeckUrl(`${PAGE}#chain-rule`), { mode: "read", slide: null });
  });

  test("?slides opens the deck; #slide-N names the slide, 1-based", () => {
    assert.deepEqual(parseDeckUrl(`${PAGE}?slides`), { mode: "slides", slide: null });
    assert.deepEqual(parseDeckUrl(`${PAGE}?slides#slide-3`), { mode: "slides", slide: 2 });
    assert.deepEqual(parseDeckUrl(`${PAGE}?slides=1#slide-12`), { mode: "slides", slide: 11 });
  });

  test("a #slide-N hash alone is a deep link into the deck", () => {
    assert.deepEqual(parseDeckUrl(`${PAGE}#slide-5`), { mode: "slides", slide: 4 });
  });

  test("?presenter wins over ?slides", () => {
    assert.deepEqual(parseDeckUrl(`${PAGE}?slides&presenter#slide-2`), {
      mode: "presenter",
      slide: 1,
    });
  });

  test("malformed slide hashes are ignored", () => {
    for (const hash of ["#slide-0", "#slide-", "#slide-x", "#slide-03", "#slide-2a"]) {
      assert.equal(parseDeckUrl(`${PAGE}?slides${hash}`).slide, null, hash);
    }
  });
});

describe("deckUrl(href, location)", () => {
  test("writes the bare flag and the 1-based slide", () => {
    assert.equal(deckUrl(PAGE, { mode: "slides", slide: 2 }), `${PAGE}?slides#slide-3`);
    assert.equal(deckUrl(PAGE, { mode: "presenter", slide: 0 }), `${PAGE}?presenter#slide-1`);
  });

  test("keeps other query parameters and swaps the deck's own", () => {
    assert.equal(
      deckUrl(`${PAGE}?seed=4&slides#slide-9`, { mode: "presenter", slide: 1 }),
      `${PAGE}?seed=4&presenter#slide-2`,
    );
  });

  test("reading mode drops the deck's parameters and slide hash but keeps other anchors", () => {
    assert.equal(deckUrl(`${PAGE}?slides#slide-4`, { mode: "read", slide: null }), PAGE);
    assert.equal(
      deckUrl(`${PAGE}?seed=4#chain-rule`, { mode: "read", slide: null }),
      `${PAGE}?seed=4#chain-rule`,
    );
  });

  test("what it writes, parseDeckUrl reads back", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("slides" as const, "presenter" as const),
        fc.integer({ min: 0, max: 500 }),
        (mode, slide) => {
          assert.deepEqual(parseDeckUrl(deckUrl(PAGE, { mode, slide })), { mode, slide });
        },
      ),
    );
  });
});
