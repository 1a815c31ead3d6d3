import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLoopbackHost, isOwnPage } from "../../src/site/loopback.ts";

describe("isLoopbackHost(host)", () => {
  it("accepts the loopback names with or without a port", () => {
    for (const host of [
      "localhost",
      "localhost:8080",
      "127.0.0.1:8080",
      "[::1]:8080",
      "a.localhost",
    ]) {
      assert.ok(isLoopbackHost(host), host);
    }
  });

  it("refuses other names, a rebinding name that resolves to 127.0.0.1, and no Host at all", () => {
    for (const host of [
      undefined,
      "",
      "evil.example",
      "evil.example:8080",
      "127.0.0.1.nip.io",
      "localhost.evil.example",
      "[::2]",
      "localhost:80:80",
    ]) {
      assert.equal(isLoopbackHost(host), false, String(host));
    }
  });
});

describe("isOwnPage(origin, fetchSite)", () => {
  it("lets the server's own pages listen and no other site", () => {
    assert.ok(isOwnPage(undefined, undefined));
    assert.ok(isOwnPage(undefined, "same-origin"));
    assert.ok(isOwnPage("http://127.0.0.1:8080", undefined));
    assert.ok(isOwnPage("http://localhost:8080", "same-origin"));
    assert.equal(isOwnPage("http://evil.example", undefined), false);
    assert.equal(isOwnPage("null", undefined), false);
    assert.equal(isOwnPage(undefined, "cross-site"), false);
    assert.equal(isOwnPage(undefined, "same-site"), false);
  });
});
