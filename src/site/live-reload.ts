import type { IncomingMessage, ServerResponse } from "node:http";
import { isOwnPage } from "./loopback.ts";

/** Where open pages listen for rebuilds (server-sent events). */
export const RELOAD_PATH = "/__reload";

/** Options of a live-reload channel. */
export interface LiveReloadOptions {
  /** Open connections at most (default 64); more get 503 — a tab holds one, a lecture a few. */
  maxClients?: number;
}

/**
 * The live-reload channel: pages connect with an EventSource and are told `reload` after a
 * rebuild or `build-error` with the problems of one that failed (repeated to pages connecting
 * later, until the next reload), and `type-errors` with the type checker's latest list.
 */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>();
  readonly #maxClients: number;
  #problems: readonly string[] = [];
  #typeProblems: readonly string[] = [];

  constructor(options: LiveReloadOptions = {}) {
    this.#maxClients = options.maxClients ?? 64;
  }

  /** The last failed build's problems (empty after a good one). */
  get problems(): readonly string[] {
    return this.#problems;
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /** Answers a request for RELOAD_PATH: joins it to the channel, or refuses it. */
  connect(req: IncomingMessage, res: ServerResponse): void {
    const fetchSite = req.headers["sec-fetch-site"];
    if (!isOwnPage(req.headers.origin, typeof fetchSite === "string" ? fetchSite : undefined)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      return void res.end("Live reload is only for pages this server serves.\n");
    }
    if (this.#clients.size >= this.#maxClients) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
      return void res.end("Too many pages are listening for reloads; close some tabs.\n");
    }
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    // Pages reconnect by themselves a moment after the server restarts.
    res.write("retry: 500\n: connected\n\n");
    if (this.#problems.length) res.write(this.#errorEvent());
    if (this.#typeProblems.length) res.write(this.#typeEvent());
    this.#clients.add(res);
    const leave = (): void => void this.#clients.delete(res);
    req.on("close", leave);
    res.on("close", leave);
    res.on("error", leave);
  }

  /** Tells every open page to reload, and forgets the last failure. */
  reload(): void {
    this.#problems = [];
    this.#send("event: reload\ndata: now\n\n");
  }

  /** Tells every open page (and those connecting later) why the last rebuild failed. */
  showErrors(problems: readonly string[]): void {
    this.#problems = [...problems];
    this.#send(this.#errorEvent());
  }

  /**
   * Tells every open page (and those connecting later, across reloads) the project's type
   * errors; an empty list takes the panel away. The pages run regardless: types are stripped.
   */
  showTypeErrors(problems: readonly string[]): void {
    this.#typeProblems = [...problems];
    this.#send(this.#typeEvent());
  }

  /** Ends every connection. */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }

  #errorEvent(): string {
    return `event: build-error\ndata: ${JSON.stringify(this.#problems)}\n\n`;
  }

  #typeEvent(): string {
    return `event: type-errors\ndata: ${JSON.stringify(this.#typeProblems)}\n\n`;
  }

  #send(event: string): void {
    for (const client of this.#clients) {
      if (client.writableEnded || client.destroyed) this.#clients.delete(client);
      else client.write(event);
    }
  }
}

/** An inline script for pages the server makes itself (404): reload on the next rebuild. */
export const RELOAD_SCRIPT = `<script>new EventSource(${JSON.stringify(RELOAD_PATH)}).addEventListener("reload",()=>location.reload())</script>`;
