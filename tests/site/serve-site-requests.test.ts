// The dev server against requests a browser, a stray web page or a hand-made client may send,
// each one sent for real to a server on 127.0.0.1.
import assert from "node:assert/strict";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { get, request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type DevServer, serveSite } from "../../src/site/serve-site.ts";

/** A parent folder holding `dist/` and the siblings a bad path might reach for. */
function sites(): { parent: string; dist: string } {
  const parent = mkdtempSync(join(tmpdir(), "serve-hard-"));
  const dist = join(parent, "dist");
  mkdirSync(join(dist, "chapters/one"), { recursive: true });
  mkdirSync(join(dist, "chapters/日本"), { recursive: true });
  mkdirSync(join(dist, "chapters/café"), { recursive: true });
  mkdirSync(join(dist, "chapters/a\r\nSet-Cookie: x=1"), { recursive: true });
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<h1>index</h1>");
  writeFileSync(join(dist, "chapters/one/index.html"), "<h1>one</h1>");
  writeFileSync(join(dist, "assets/app.js"), "export {};");
  writeFileSync(join(dist, "assets/data.bin"), "<script>alert(1)</script>");
  mkdirSync(join(parent, "dist-old"));
  writeFileSync(join(parent, "dist-old/secret.txt"), "TOP SECRET");
  writeFileSync(join(parent, "dist.zip"), "zip");
  symlinkSync("/etc/passwd", join(dist, "passwd"));
  symlinkSync(join(parent, "dist-old"), join(dist, "old"));
  symlinkSync("index.html", join(dist, "home.html"));
  return { parent, dist };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one request with node:http (any method, header and ASCII path, nothing normalised). */
function send(
  url: string,
  path: string,
  { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path.slice(1)}`, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.path = path;
    req.on("error", reject);
    req.end();
  });
}

/** Sends raw bytes and resolves with the status line and headers the server answered. */
function sendRaw(url: string, bytes: Buffer | string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(bytes));
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
    });
    socket.on("end", () => resolve(text));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("serveSite(dir, port) answering hostile requests", () => {
  let server: DevServer;
  let folders: { parent: string; dist: string };
  before(async () => {
    folders = sites();
    server = await serveSite(folders.dist, 0, { maxReloadClients: 2 });
  });
  after(async () => {
    await server.close();
    rmSync(folders.parent, { recursive: true, force: true });
  });

  it("answers malformed percent-encoding with 400 and keeps serving", async () => {
    for (const path of ["/%", "/%c0%ae", "/%E0%A4%A", "/chapters/%ZZ/"]) {
      const answer = await send(server.url, path);
      assert.equal(answer.status, 400, path);
      assert.match(answer.body, /Bad request/);
    }
    assert.equal((await send(server.url, "/")).body, "<h1>index</h1>");
  });

  it("redirects a folder without its slash relatively, ASCII-only, whatever its name", async () => {
    const cases: [string, string][] = [
      ["/chapters/one", "./one/"],
      ["/chapters/one?slides", "./one/?slides"],
      ["/chapters/%E6%97%A5%E6%9C%AC", "./%E6%97%A5%E6%9C%AC/"],
      ["/chapters/caf%C3%A9", "./caf%C3%A9/"],
      ["/chapters/a%0D%0ASet-Cookie:%20x=1", "./a%0D%0ASet-Cookie%3A%20x%3D1/"],
      ["//assets", "./assets/"],
    ];
    for (const [path, location] of cases) {
      const answer = await send(server.url, path);
      assert.equal(answer.status, 301, path);
      assert.equal(answer.headers.location, location, path);
      assert.equal(answer.headers["set-cookie"], undefined);
    }
    // The open redirect of before: an encoded slash never reaches a Location header.
    const evil = await send(server.url, "/%2fevil.example/..%2fassets");
    assert.equal(evil.status, 400);
    assert.equal(evil.headers.location, undefined);
  });

  it("serves nothing outside the folder: no sibling by an encoded slash, no symlink out", async () => {
    for (const path of ["/..%2fdist-old/secret.txt", "/..%2fdist.zip", "/%2e%2e/dist.zip"]) {
      assert.equal((await send(server.url, path)).status, 400, path);
    }
    for (const path of ["/passwd", "/old/secret.txt", "/old/"]) {
      const answer = await send(server.url, path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /root:|TOP SECRET/);
    }
    const raw = await sendRaw(
      server.url,
      "GET /../dist-old/secret.txt HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert.match(raw, /^HTTP\/1\.1 400/);
    // A link that stays inside the folder is fine.
    assert.equal((await send(server.url, "/home.html")).body, "<h1>index</h1>");
  });

  it("answers raw bytes above ASCII and CR in the path with 400 instead of crashing", async () => {
    const latin1 = await sendRaw(
      server.url,
      Buffer.concat([
        Buffer.from("GET /chapters/caf"),
        Buffer.from([0xe9]),
        Buffer.from(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
      ]),
    );
    assert.match(latin1, /^HTTP\/1\.1 400/);
    const utf8 = await sendRaw(
      server.url,
      `GET /chapters/日本 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    );
    assert.match(utf8, /^HTTP\/1\.1 400/);
    assert.equal((await send(server.url, "/")).status, 200);
  });

  it("answers only to loopback host names (no DNS rebinding)", async () => {
    assert.equal((await send(server.url, "/", { headers: { host: "evil.example" } })).status, 421);
    assert.equal(
      (await send(server.url, "/", { headers: { host: "evil.example:8080" } })).status,
      421,
    );
    const noHost = await sendRaw(server.url, "GET / HTTP/1.0\r\n\r\n");
    assert.match(noHost, /^HTTP\/1\.1 421/);
    assert.equal((await send(server.url, "/", { headers: { host: "localhost" } })).status, 200);
  });

  it("answers GET and HEAD only, HEAD without a body", async () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]) {
      const answer = await send(server.url, "/", { method });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.allow, "GET, HEAD");
    }
    const head = await send(server.url, "/", { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.headers["content-length"], String("<h1>index</h1>".length));
    assert.equal(head.body, "");
  });

  it("sends nosniff and no-store with every answer, and unknown files as bytes", async () => {
    for (const path of ["/", "/assets/app.js", "/missing", "/%", "/chapters/one"]) {
      const answer = await send(server.url, path);
      assert.equal(answer.headers["x-content-type-options"], "nosniff", path);
      assert.equal(answer.headers["cache-control"], "no-store", path);
    }
    assert.equal(
      (await send(server.url, "/assets/app.js")).headers["content-type"],
      "text/javascript; charset=utf-8",
    );
    assert.equal(
      (await send(server.url, "/assets/data.bin")).headers["content-type"],
      "application/octet-stream",
    );
  });

  it("answers a missing page with a 404 page that reloads itself after the next build", async () => {
    const answer = await send(server.url, "/chapters/gone/");
    assert.equal(answer.status, 404);
    assert.match(answer.headers["content-type"] as string, /text\/html/);
    assert.match(answer.body, /Not found: \/chapters\/gone\//);
    assert.match(answer.body, /new EventSource\("\/__reload"\)/);
    const escaped = await send(server.url, "/%3Cimg%20src=x%3E");
    assert.doesNotMatch(escaped.body, /<img/);
  });

  it("lets only its own pages join the live-reload channel, and only so many", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ]) {
      assert.equal((await send(server.url, "/__reload", { headers })).status, 403);
    }
    const open = (): Promise<{ status: number; close(): void }> =>
      new Promise((resolve, reject) => {
        const req = get(
          `${server.url}__reload`,
          { headers: { origin: server.url.slice(0, -1) } },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
          },
        );
        req.on("error", reject);
      });
    const first = await open();
    const second = await open();
    const third = await open();
    assert.deepEqual([first.status, second.status, third.status], [200, 200, 503]);
    first.close();
    // A closed connection frees its place.
    let again = await open();
    for (let i = 0; again.status !== 200 && i < 50; i++) {
      again.close();
      await new Promise((r) => setTimeout(r, 20));
      again = await open();
    }
    assert.equal(again.status, 200);
    for (const c of [second, third, again]) c.close();
  });
});

describe("serveSite(dir, port) while rebuilds swap the folder", () => {
  it("answers every request under load, never crashing on a file removed mid-answer", async () => {
    const { parent, dist } = sites();
    const big = "x".repeat(512 * 1024);
    writeFileSync(join(dist, "assets/big.js"), big);
    const server = await serveSite(dist, 0);
    let swapping = true;
    const swaps = (async () => {
      let n = 0;
      while (swapping) {
        // What a build does: the new site is made beside it, the old one moved away and removed.
        const next = join(parent, `next-${n}`);
        cpSync(dist, next, { recursive: true, verbatimSymlinks: true });
        renameSync(dist, join(parent, `old-${n}`));
        renameSync(next, dist);
        rmSync(join(parent, `old-${n}`), { recursive: true, force: true });
        n++;
        await new Promise((r) => setTimeout(r, 2));
      }
      return n;
    })();
    try {
      const statuses: number[] = [];
      for (let round = 0; round < 15; round++) {
        const answers = await Promise.all(
          ["/", "/assets/big.js", "/chapters/one/", "/assets/app.js"].map((p) =>
            send(server.url, p),
          ),
        );
        for (const a of answers) statuses.push(a.status);
        assert.ok(answers[1].body.length === 0 || answers[1].body === big);
      }
      swapping = false;
      assert.ok((await swaps) > 3);
      assert.deepEqual(
        statuses.filter((s) => s !== 200),
        [],
      );
    } finally {
      swapping = false;
      await swaps;
      await server.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
