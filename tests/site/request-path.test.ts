import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { folderRedirect, parseRequestPath } from "../../src/site/request-path.ts";

describe("parseRequestPath(target)", () => {
  it("decodes each segment on its own and keeps the query", () => {
    assert.deepEqual(parseRequestPath("/chapters/%E6%97%A5%E6%9C%AC/?slides"), {
      segments: ["chapters", "日本"],
      trailingSlash: true,
      search: "?slides",
    });
    assert.deepEqual(parseRequestPath("/"), { segments: [], trailingSlash: true, search: "" });
    assert.deepEqual(parseRequestPath("//a//b#x"), {
      segments: ["a", "b"],
      trailingSlash: false,
      search: "",
    });
  });

  it("refuses escapes that are not UTF-8, encoded separators, dot segments and raw bytes", () => {
    for (const bad of [
      "/%",
      "/%c0%ae",
      "/%E0%A4%A",
      "/..%2fdist-old/secret.txt",
      "/%2fevil.example/..%2fassets",
      "/a%5c..%5cb",
      "/a%00b",
      "/../etc/passwd",
      "/a/%2e%2e/b",
      "/a b",
      "/a\r\nb",
      "/日本",
      "*",
      "http://evil.example/",
    ]) {
      assert.ok("error" in parseRequestPath(bad), bad);
    }
  });
});

describe("folderRedirect(path)", () => {
  it("is relative to the request and ASCII whatever the folder's name", () => {
    const redirect = (target: string): string => {
      const path = parseRequestPath(target);
      assert.ok(!("error" in path));
      return folderRedirect(path);
    };
    assert.equal(redirect("/chapters/one"), "./one/");
    assert.equal(redirect("/chapters/one?slides"), "./one/?slides");
    assert.equal(redirect("/chapters/%E6%97%A5%E6%9C%AC"), "./%E6%97%A5%E6%9C%AC/");
    assert.equal(redirect("/caf%C3%A9"), "./caf%C3%A9/");
    assert.equal(redirect("/a%0D%0ASet-Cookie:%20x=1"), "./a%0D%0ASet-Cookie%3A%20x%3D1/");
    assert.equal(redirect("//evil.example"), "./evil.example/");
  });
});
