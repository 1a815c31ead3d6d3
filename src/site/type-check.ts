import { fork } from "node:child_process";
import { join } from "node:path";
import { PROJECT } from "./project.ts";

/** A running type checker: stop() ends its process. */
export interface TypeCheck {
  stop(): void;
}

/**
 * Starts TypeScript's watch mode in a process of its own (type-check-worker.ts), so a check
 * never holds up a rebuild or a request; `onReport` gets the project's type errors after every
 * check, as `file:line:col: message` lines (an empty list once they are fixed).
 */
export function forkTypeCheck(
  onReport: (problems: string[]) => void,
  workerFile = join(PROJECT, "src/site/type-check-worker.ts"),
): TypeCheck {
  const child = fork(workerFile, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  child.on("message", (message: { problems?: unknown }) => {
    if (Array.isArray(message.problems)) onReport(message.problems.map(String));
  });
  return {
    stop() {
      child.kill();
    },
  };
}
