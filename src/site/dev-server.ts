import { type ChildProcess, fork } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { describeCrashOutput } from "./build-failure.ts";
import { PROJECT } from "./project.ts";
import { type DevServer, serveSite } from "./serve-site.ts";
import type { TypeCheck } from "./type-check.ts";
import { watchFolders } from "./watch-folders.ts";

/** What one dev build did: pages built (compile errors show on them), or why it failed. */
export type BuildReport =
  | { ok: true; pages: number; milliseconds: number; problems: string[] }
  | { ok: false; problems: string[] };

/** Something that builds the site when asked: a worker process, or a fake in tests. */
export interface Builder {
  build(): Promise<BuildReport>;
  stop(): void;
}

/** Options of `npm start`. */
export interface DevServerOptions {
  port: number;
  /** Where the site is built and served from (default "dist"). */
  outDir?: string;
  /** Folders whose changes trigger a rebuild (default content, notebooks, src, styles). */
  watch?: string[];
  /** Starts a builder (default: a build worker process). */
  startBuilder?: () => Builder;
  /** Where messages go (default: the terminal). */
  log?: { info(text: string): void; error(text: string): void };
  /**
   * Starts a type checker that reports the project's type errors after every check (none by
   * default; `npm start` uses forkTypeCheck). They show in the terminal and over the pages.
   */
  startTypeCheck?: (onReport: (problems: string[]) => void) => TypeCheck;
  /** Serves the site (default serveSite). */
  serve?: (dir: string, port: number) => Promise<DevServer>;
}

// The files the running dev server loads (build.mjs aside).
const SERVER_CODE =
  /^src\/site\/(serve-site|dev-server|request-path|loopback|live-reload|static-files|parse-port|watch-folders|type-check|type-check-worker|watch-types)\.ts$/;

/**
 * True for code the build process itself runs (the compiler and the site build): a change
 * there needs a new build worker, where content, styles and client code only need a rebuild.
 */
export function isBuildCode(file: string): boolean {
  const path = relative(PROJECT, resolve(file)).replace(/\\/g, "/");
  return /^src\/(notebook\/compile|site)\//.test(path) && !SERVER_CODE.test(path);
}

/** True for code the running dev server itself runs: only a restart of `npm start` takes it. */
export function isServerCode(file: string): boolean {
  const path = relative(PROJECT, resolve(file)).replace(/\\/g, "/");
  return path === "build.mjs" || SERVER_CODE.test(path);
}

/**
 * `npm start`: builds the site, serves it, and on every change rebuilds and reloads the open
 * pages; a build that fails keeps the last good site and shows why over the open pages.
 */
export async function startDevServer(options: DevServerOptions): Promise<{
  server: DevServer;
  changed(files: readonly string[]): Promise<void>;
  stop(): Promise<void>;
}> {
  const outDir = options.outDir ?? "dist";
  const log = options.log ?? { info: console.log, error: console.error };
  const startBuilder = options.startBuilder ?? (() => forkBuildWorker(outDir));
  let builder = startBuilder();
  const server = await (options.serve ?? serveSite)(outDir, options.port);
  const rebuild = async (): Promise<void> => {
    const report = await builder.build();
    for (const problem of report.problems) log.error(problem);
    if (report.ok) {
      const shown = report.problems.length
        ? `, ${report.problems.length} error(s) shown on the pages`
        : "";
      log.info(`built ${report.pages} pages in ${Math.round(report.milliseconds)} ms${shown}`);
      server.reload();
    } else {
      log.error("the build failed; the pages show why and keep the last site that built");
      server.showErrors(report.problems);
    }
  };
  await rebuild();
  log.info(`serving ${server.url}`);
  let typeErrors = 0;
  const typeCheck = options.startTypeCheck?.((problems) => {
    for (const problem of problems) log.error(problem);
    if (problems.length) log.error(`${problems.length} type error(s), shown over the pages`);
    else if (typeErrors) log.info("types check clean again");
    typeErrors = problems.length;
    server.showTypeErrors(problems);
  });
  // One rebuild at a time, in the order the changes came.
  let queue = Promise.resolve();
  const changed = (files: readonly string[]): Promise<void> => {
    queue = queue.then(async () => {
      log.info(`changed: ${files.map((f) => relative(process.cwd(), f)).join(", ")}`);
      if (files.some(isServerCode))
        log.error("the dev server's own code changed; restart npm start to use it");
      if (files.some(isBuildCode)) {
        builder.stop();
        builder = startBuilder();
      }
      await rebuild();
    });
    return queue;
  };
  const watching = options.watch
    ? watchFolders(options.watch, (_file, files) => void changed(files))
    : undefined;
  await watching?.ready;
  return {
    server,
    changed,
    async stop() {
      await watching?.close();
      typeCheck?.stop();
      builder.stop();
      await server.close();
    },
  };
}

/** A build worker process (build-worker.ts), fresh code and all, answering one build at a time. */
export function forkBuildWorker(
  outDir: string,
  workerFile = join(PROJECT, "src/site/build-worker.ts"),
): Builder {
  let child: ChildProcess | null = null;
  const output = new WeakMap<ChildProcess, string>();
  const start = (): ChildProcess => {
    const process_ = fork(workerFile, [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    // What it prints goes to the terminal as before, and the end of it is kept: a worker that
    // dies before it can report still has its file:line:col read from there.
    output.set(process_, "");
    process_.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      output.set(process_, `${output.get(process_) ?? ""}${chunk}`.slice(-8000));
    });
    process_.on("exit", () => {
      if (child === process_) child = null;
    });
    return process_;
  };
  return {
    build() {
      child ??= start();
      const worker = child;
      return new Promise<BuildReport>((done) => {
        const onExit = (code: number | null): void =>
          done({
            ok: false,
            problems: describeCrashOutput(output.get(worker) ?? "") ?? [
              `the build process stopped (exit code ${code})`,
            ],
          });
        // "close", not "exit": by then all it printed has been read.
        worker.once("close", onExit);
        worker.once("message", (report: BuildReport) => {
          worker.off("close", onExit);
          done(report);
        });
        worker.send({ outDir });
      });
    },
    stop() {
      child?.kill();
      child = null;
    },
  };
}
