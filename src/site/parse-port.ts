/**
 * The dev server's port from `PORT` (default 8080; 0 picks any free port), or an error saying
 * what a port must be.
 */
export function parsePort(text: string | undefined, fallback = 8080): number {
  if (text === undefined || text.trim() === "") return fallback;
  const port = /^\s*\d{1,5}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new RangeError(
      `PORT must be a whole number from 1 to 65535 (or 0 for any free port), not ${JSON.stringify(text)}; e.g. PORT=8081 npm start`,
    );
  }
  return port;
}

/** What to tell the author when the server cannot listen on `port`, or undefined if unknown. */
export function describeListenError(error: unknown, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EADDRINUSE") {
    return `port ${port} is already in use; start with another one, e.g. PORT=${port === 65535 ? 8081 : port + 1} npm start`;
  }
  if (code === "EACCES") {
    return `port ${port} needs administrator rights; use one above 1023, e.g. PORT=8080 npm start`;
  }
  if (code === "EADDRNOTAVAIL") return "127.0.0.1 is not available on this machine";
  return undefined;
}
