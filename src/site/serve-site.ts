import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { escapeHtml } from "../notebook/compile/index.ts";
import { LiveReload, RELOAD_PATH, RELOAD_SCRIPT } from "./live-reload.ts";
import { isLoopbackHost } from "./loopback.ts";
import { folderRedirect, parseRequestPath } from "./request-path.ts";
import { lookUpFile, sendFile } from "./static-files.ts";

/**
 * A running dev server: `reload()` tells every open page to reload; `showErrors()` tells them
 * a rebuild failed and why (pages opened or reloaded later are told too, until the next reload).
 */
export interface DevServer {
  url: string;
  reload(): void;
  showErrors(problems: readonly string[]): void;
  /** Shows the type checker's errors over the open pages (an empty list hides them). */
  showTypeErrors(problems: readonly string[]): void;
  close(): Promise<void>;
}

/** Options of the dev server's HTTP side. */
export interface ServeOptions {
  /** Live-reload connections at most (default 64). */
  maxReloadClients?: number;
}

// Sent with every answer: no caching (a rebuild changes files under the same names), no
// content-type guessing, and no embedding in other sites' pages.
const COMMON_HEADERS = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
  "referrer-policy": "no-referrer",
};

/**
 * Serves `dir` on 127.0.0.1:`port` (0: any free port), with server-sent events on /__reload.
 * Every request gets an answer and none can stop the server: bad encodings get 400, other
 * hosts 421, other methods 405, paths outside `dir` (by real path) 404.
 *
 * Hand-written rather than sirv: sirv 3 pipes a read stream with no error handler (a file
 * removed by a rebuild between its stat and its read crashes the process), follows symlinks out
 * of the folder, and serves a folder without its slash (breaking the pages' relative links).
 */
export function serveSite(
  dir: string,
  port: number,
  options: ServeOptions = {},
): Promise<DevServer> {
  const live = new LiveReload({ maxClients: options.maxReloadClients });
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    answer(dir, live, req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, "The server could not read this file.\n");
      else res.destroy();
    });
  });
  // A malformed request line or header: answer 400 and drop the socket, never throw.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      server.on("error", (error) => console.error(`dev server: ${error.message}`));
      done({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        reload: () => live.reload(),
        showErrors: (found) => live.showErrors(found),
        showTypeErrors: (found) => live.showTypeErrors(found),
        close: () =>
          new Promise((closed) => {
            live.close();
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Answers one request. */
async function answer(
  dir: string,
  live: LiveReload,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!isLoopbackHost(req.headers.host)) {
    return plain(res, 421, "This server answers only to localhost and 127.0.0.1.\n");
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return plain(res, 405, `${req.method} is not supported here; only GET and HEAD.\n`);
  }
  const path = parseRequestPath(req.url ?? "/");
  if ("error" in path) return plain(res, 400, `Bad request: ${path.error}.\n`);
  if (path.segments.length === 1 && `/${path.segments[0]}` === RELOAD_PATH) {
    return live.connect(req, res);
  }
  // A rebuild can swap the folder between finding a file and opening it: look again then.
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await lookUpFile(dir, path);
    if (found.kind === "folder-without-slash") {
      res.writeHead(301, { location: folderRedirect(path) });
      return void res.end();
    }
    if (found.kind === "missing") break;
    if (await sendFile(found.file, res, req.method === "HEAD")) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  const shown = `/${path.segments.join("/")}${path.trailingSlash && path.segments.length ? "/" : ""}`;
  res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
  res.end(req.method === "HEAD" ? undefined : notFoundPage(shown, live.problems));
}

/** The 404 page: what is missing, the last build's errors, and a reload when the site changes. */
function notFoundPage(path: string, problems: readonly string[]): string {
  const why = problems.length
    ? `<p>The last build failed:</p>\n<pre>${escapeHtml(problems.join("\n"))}</pre>\n`
    : "";
  // Inline styles: the site's stylesheet may be what is missing. System colours follow the
  // reader's light or dark setting.
  const style =
    "<style>:root{color-scheme:light dark}body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}h1{font-size:1.6rem;overflow-wrap:anywhere}pre{white-space:pre-wrap}</style>";
  return `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Not found</title>\n${style}\n<h1>Not found: ${escapeHtml(path)}</h1>\n${why}<p>No page is built at this address. If its file was deleted or renamed, put it back: this page reloads by itself when the site is rebuilt.</p>\n<p><a href="/">Contents</a></p>\n${RELOAD_SCRIPT}\n</html>\n`;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}
