import { constants } from "node:fs";
import { type FileHandle, open, realpath, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { extname, join, sep } from "node:path";
import type { RequestPath } from "./request-path.ts";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
};

/** What a request path comes to inside the served folder. */
export type FileLookup =
  | { kind: "file"; file: string }
  | { kind: "folder-without-slash" }
  | { kind: "missing" };

/**
 * Finds the file `path` names under `root`, by resolved real path: whatever symlinks the way
 * holds, the file must lie inside the root's own real path (a link to /etc/passwd, or to a
 * sibling folder, is missing). A folder serves its index.html.
 */
export async function lookUpFile(root: string, path: RequestPath): Promise<FileLookup> {
  const realRoot = await realRootOf(root);
  if (realRoot === null) return { kind: "missing" };
  const inside = async (file: string): Promise<string | null> => {
    const real = await realpath(file).catch(() => null);
    return real !== null && (real === realRoot || real.startsWith(realRoot + sep)) ? real : null;
  };
  const found = await inside(join(realRoot, ...path.segments));
  if (found === null) return { kind: "missing" };
  const stats = await stat(found).catch(() => null);
  if (stats === null) return { kind: "missing" };
  if (!stats.isDirectory()) return { kind: "file", file: found };
  if (!path.trailingSlash && path.segments.length > 0) return { kind: "folder-without-slash" };
  const index = await inside(join(found, "index.html"));
  return index === null ? { kind: "missing" } : { kind: "file", file: index };
}

/**
 * The served folder's real path. While a rebuild swaps the folder (renamed away, the new one
 * renamed in) it is briefly missing: wait for it a little rather than answer 404.
 */
async function realRootOf(root: string, waitMs = 2000): Promise<string | null> {
  for (let waited = 0; ; waited += 25) {
    const real = await realpath(root).catch(() => null);
    if (real !== null || waited >= waitMs) return real;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Sends `file` (HEAD: its headers only). The file is opened before anything is sent, so a
 * rebuild removing it afterwards cannot break the answer (the open handle keeps the old
 * content); any read error ends the response instead of escaping as an unhandled error.
 */
export async function sendFile(
  file: string,
  res: ServerResponse,
  headOnly: boolean,
): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return false;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return false;
    }
    res.writeHead(200, {
      "content-type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": stats.size,
    });
  } catch {
    await handle.close().catch(() => undefined);
    return false;
  }
  if (headOnly) {
    await handle.close().catch(() => undefined);
    res.end();
    return true;
  }
  const stream = handle.createReadStream();
  stream.on("error", () => res.destroy());
  res.on("close", () => stream.destroy());
  stream.pipe(res);
  return true;
}
