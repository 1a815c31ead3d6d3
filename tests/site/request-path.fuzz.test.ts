// Random request targets, sent to the pure parser and to a real server on 127.0.0.1: the parser
// never throws, a path it accepts never climbs out, a redirect is always relative ASCII, and the
// server answers every one and keeps running.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { folderRedirect, parseRequestPath } from "../../src/site/request-path.ts";
import { type DevServer, serveSite } from "../../src/site/serve-site.ts";

// Pieces that hostile and sloppy URLs are made of.
const piece = fc.oneof(
  fc.constantFrom("..", ".", "%2e%2e", "%2f", "%5c", "%00", "%", "%c0%ae", "%ff", "%E6%97%A5"),
  fc.constantFrom("//", "/", "?", "#", "%0d%0a", "evil.example", "chapters", "one", "index.html"),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "binary", maxLength: 4 }),
);
const target = fc.array(piece, { maxLength: 10 }).map((parts) => `/${parts.join("")}`);

describe("parseRequestPath(target) on random targets", () => {
  it("never throws; accepted segments never climb or hold a separator; redirects are relative ASCII", () => {
    fc.assert(
      fc.property(target, (raw) => {
        const path = parseRequestPath(raw);
        if ("error" in path) return;
        for (const segment of path.segments) {
          assert.ok(segment !== ".." && segment !== "." && segment !== "");
          assert.doesNotMatch(segment, /[/\\\0]/);
        }
        const location = folderRedirect(path);
        assert.match(location, /^(\.\/[^/]|\/$|\/\?)/);
        assert.match(location, /^[\x21-\x7e]*$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("serveSite(dir, port) on random targets", () => {
  let server: DevServer;
  let parent: string;
  before(async () => {
    parent = mkdtempSync(join(tmpdir(), "serve-fuzz-"));
    mkdirSync(join(parent, "dist/chapters/one"), { recursive: true });
    writeFileSync(join(parent, "dist/index.html"), "<h1>index</h1>");
    writeFileSync(join(parent, "secret.txt"), "TOP SECRET");
    server = await serveSite(join(parent, "dist"), 0);
  });
  after(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it("answers every one with a status, never the file beside the folder", async () => {
    const port = Number(new URL(server.url).port);
    const send = (path: string): Promise<{ status: number; body: string } | null> =>
      new Promise((resolve) => {
        let req: ReturnType<typeof request>;
        try {
          req = request(
            { host: "127.0.0.1", port, path, headers: { host: "localhost" } },
            (res) => {
              let body = "";
              res.on("data", (chunk) => {
                body += chunk;
              });
              res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
            },
          );
        } catch {
          return resolve(null); // node:http refuses to send it (a control character, say)
        }
        req.on("error", () => resolve(null));
        req.end();
      });
    await fc.assert(
      fc.asyncProperty(target, async (raw) => {
        const answer = await send(raw);
        if (answer === null) return;
        assert.ok([200, 301, 400, 404].includes(answer.status), `${raw} → ${answer.status}`);
        assert.doesNotMatch(answer.body, /TOP SECRET/);
      }),
      { numRuns: 120 },
    );
    assert.equal((await send("/"))?.status, 200);
  });
});
