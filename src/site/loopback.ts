// The dev server listens on 127.0.0.1 only, but a page on any site can still reach it through
// the reader's browser; a name that resolves to 127.0.0.1 (DNS rebinding) would even make it
// same-origin. So requests must name the server by a loopback name, and live-reload connections
// must come from one of its own pages.

const LOOPBACK_NAME =
  /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** True when a `Host` header names this machine by a loopback name (any port). */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = /^(\[[^\]]*\]|[^:]*)(:\d{1,5})?$/.exec(host)?.[1];
  return name !== undefined && LOOPBACK_NAME.test(name);
}

/**
 * True when a request may join the live-reload channel: no `Origin` (browsers send none on a
 * same-origin GET) or an `http:` origin on a loopback name, and not marked cross-site.
 */
export function isOwnPage(origin: string | undefined, fetchSite: string | undefined): boolean {
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  if (origin === undefined) return true;
  const at = /^http:\/\/([^/]+)$/.exec(origin);
  return at !== null && isLoopbackHost(at[1]);
}
