/** A request target the dev server can look up: decoded path segments, nothing to escape with. */
export interface RequestPath {
  /** Decoded segments, never empty strings, "." or "..", never holding a `/`, `\` or NUL. */
  segments: string[];
  /** The path ended in `/` (a folder asked for as a folder). */
  trailingSlash: boolean;
  /** The query, `?` and all, in printable ASCII (empty when there was none). */
  search: string;
}

/** Why a request target was refused; the server answers 400 with this. */
export interface BadRequestPath {
  error: string;
}

// Bytes a well-formed request target holds: printable ASCII, nothing else (RFC 3986 §2).
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * Reads the request target of an HTTP request (`req.url`) the way the dev server looks files
 * up: each segment percent-decoded on its own, so an encoded `/` (`..%2fdist-old`) cannot join
 * segments, and refused whole when an escape is not valid UTF-8 (`%`, `%c0%ae`), when a decoded
 * segment holds a separator or NUL, or when it climbs (`..`) — browsers resolve dot segments
 * before sending, so only hand-made requests carry them.
 */
export function parseRequestPath(target: string): RequestPath | BadRequestPath {
  if (!target.startsWith("/")) return { error: "the request target must start with /" };
  if (!PRINTABLE_ASCII.test(target)) return { error: "the request target must be printable ASCII" };
  const queryAt = target.search(/[?#]/);
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  const search = queryAt < 0 || target[queryAt] === "#" ? "" : target.slice(queryAt).split("#")[0];
  const segments: string[] = [];
  for (const raw of path.split("/")) {
    if (raw === "") continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { error: `"${raw}" is not valid percent-encoded UTF-8` };
    }
    if (/[/\\\0]/.test(segment)) return { error: `"${raw}" decodes to a path separator` };
    if (segment === "." || segment === "..") return { error: "the path has a dot segment" };
    segments.push(segment);
  }
  return { segments, trailingSlash: path.endsWith("/"), search };
}

/**
 * Where a folder asked for without its slash is sent: relative to the request, from its last
 * segment re-encoded (`./one/` for `/chapters/one`), so it is ASCII whatever the folder's name
 * and can never name another host the way `//evil.example/` would.
 */
export function folderRedirect(path: RequestPath): string {
  const last = path.segments.at(-1);
  const base = last === undefined ? "/" : `./${encodeURIComponent(last)}/`;
  return `${base}${path.search}`;
}
