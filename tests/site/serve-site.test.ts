import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { serveSite } from "../../src/site/serve-site.ts";

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), "serve-"));
  mkdirSync(join(dir, "chapters/one"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<h1>index</h1>");
  writeFileSync(join(dir, "chapters/one/index.html"), "<h1>one</h1>");
  return dir;
}

const fetchText = async (url: string) => {
  const response = await fetch(url, { redirect: "manual" });
  return {
    status: response.status,
    location: response.headers.get("location"),
    text: await response.text(),
  };
};

describe("serveSite(dir, port)", () => {
  it("serves index.html for folders and redirects a folder without its slash", async () => {
    const server = await serveSite(site(), 0);
    try {
      assert.equal((await fetchText(server.url)).text, "<h1>index</h1>");
      assert.equal((await fetchText(`${server.url}chapters/one/`)).text, "<h1>one</h1>");
      assert.deepEqual(
        await fetchText(`${server.url}chapters/one`).then((r) => [r.status, r.location]),
        [301, "./one/"],
      );
      assert.equal((await fetchText(`${server.url}missing`)).status, 404);
      assert.equal((await fetchText(`${server.url}..%2f..%2fetc/passwd`)).status, 400);
    } finally {
      await server.close();
    }
  });

  it("tells connected pages to reload through server-sent events", async () => {
    const server = await serveSite(site(), 0);
    try {
      const event = await new Promise<string>((resolve, reject) => {
        get(`${server.url}__reload`, (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => {
            text += chunk;
            if (text.includes(": connected")) server.reload();
            if (text.includes("event: reload")) {
              response.destroy();
              resolve(text);
            }
          });
        }).on("error", reject);
      });
      assert.match(event, /event: reload\ndata: now\n\n/);
    } finally {
      await server.close();
    }
  });
});

/** Connects to the server's events and resolves with what arrived once `until` matches. */
function events(url: string, until: RegExp, onConnected?: () => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    get(`${url}__reload`, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => {
        const first = text === "";
        text += chunk;
        if (first) onConnected?.();
        if (until.test(text)) {
          response.destroy();
          resolve(text);
        }
      });
    }).on("error", reject);
  });
}

describe("serveSite(dir, port).showErrors(problems)", () => {
  it("tells open pages why a rebuild failed, and pages that connect later too, until a reload", async () => {
    const server = await serveSite(site(), 0);
    try {
      const problem = 'src/tensor/op.ts:3:14: Expected ";" but found "x"';
      const live = await events(server.url, /event: build-error/, () =>
        server.showErrors([problem]),
      );
      assert.match(live, /event: build-error\ndata: \["src\/tensor\/op\.ts:3:14: Expected/);
      const later = await events(server.url, /event: build-error/);
      assert.deepEqual(JSON.parse(/event: build-error\ndata: (.*)\n/.exec(later)?.[1] ?? ""), [
        problem,
      ]);
      assert.match(
        (await fetchText(`${server.url}missing`)).text,
        /The last build failed:<\/p>\n<pre>src\/tensor\/op\.ts:3:14/,
      );
      server.reload();
      const fresh = await events(server.url, /: connected/);
      assert.doesNotMatch(fresh, /build-error/);
    } finally {
      await server.close();
    }
  });
});

describe("serveSite(dir, port).showTypeErrors(problems)", () => {
  it("tells open pages and later ones the type errors, across reloads, until a clean check", async () => {
    const server = await serveSite(site(), 0);
    try {
      const problem = "src/a.ts:1:7: Type 'string' is not assignable to type 'number'. (TS2322)";
      const live = await events(server.url, /event: type-errors/, () =>
        server.showTypeErrors([problem]),
      );
      assert.match(live, /event: type-errors\ndata: \["src\/a\.ts:1:7: Type/);
      // A rebuild reloads the pages; the types are still wrong, so they hear it again.
      server.reload();
      const later = await events(server.url, /event: type-errors/);
      assert.deepEqual(JSON.parse(/event: type-errors\ndata: (.*)\n/.exec(later)?.[1] ?? ""), [
        problem,
      ]);
      const cleared = await events(server.url, /event: type-errors\ndata: \[\]/, () =>
        server.showTypeErrors([]),
      );
      assert.match(cleared, /data: \[\]/);
      const fresh = await events(server.url, /: connected/);
      assert.doesNotMatch(fresh, /type-errors/);
    } finally {
      await server.close();
    }
  });
});
