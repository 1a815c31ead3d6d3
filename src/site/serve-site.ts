import { createReadStream, existsSync, statSync, watch } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

/**
 * A running dev server: `reload()` tells every open page to reload; `showErrors()` tells them
 * a rebuild failed and why (pages opened or reloaded later are told too, until the next reload).
 */
export interface DevServer {
  url: string;
  reload(): void;
  showErrors(problems: readonly string[]): void;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port), with server-sent events on /__reload. */
export function serveSite(dir: string, port: number): Promise<DevServer> {
  const root = resolve(dir);
  const clients = new Set<ServerResponse>();
  let problems: readonly string[] = [];
  const errorEvent = (): string => `event: build-error\ndata: ${JSON.stringify(problems)}\n\n`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (path === "/__reload") {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      // Pages reconnect by themselves a moment after the server restarts.
      res.write("retry: 500\n: connected\n\n");
      if (problems.length) res.write(errorEvent());
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith("/")) return void res.writeHead(301, { location: `${path}/` }).end();
      file = join(file, "index.html");
    }
    if (!existsSync(file)) {
      const why = problems.length ? `\n\nThe last build failed:\n${problems.join("\n")}\n` : "";
      return void res
        .writeHead(404, { "content-type": "text/plain; charset=utf-8" })
        .end(`Not found: ${path}${why}`);
    }
    res.writeHead(200, {
      "content-type": MIME[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () =>
      done({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        reload: () => {
          problems = [];
          for (const client of clients) client.write("event: reload\ndata: now\n\n");
        },
        showErrors: (found) => {
          problems = [...found];
          for (const client of clients) client.write(errorEvent());
        },
        close: () =>
          new Promise((closed) => {
            for (const client of clients) client.end();
            server.close(() => closed());
          }),
      }),
    );
  });
}

/**
 * Calls `onChange` once things settle after any change under `dirs` (recursive, debounced),
 * with the last file changed and every file of the burst.
 */
export function watchFolders(
  dirs: readonly string[],
  onChange: (file: string, files: string[]) => void,
  delay = 150,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burst = new Set<string>();
  const watchers = dirs
    .filter((d) => existsSync(d))
    .map((d) =>
      watch(d, { recursive: true }, (_event, name) => {
        const file = join(d, String(name ?? ""));
        burst.delete(file);
        burst.add(file);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const files = [...burst];
          burst = new Set();
          onChange(file, files);
        }, delay);
      }),
    );
  return () => {
    for (const w of watchers) w.close();
  };
}
