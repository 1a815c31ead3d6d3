// TypeScript's own watch mode over a project (its tsconfig.json, types only, nothing written):
// the build strips types without checking them, so this is what reports `const x: number = "a"`
// while `npm start` runs. Each error reads like the build's other problems, `file:line:col`.
import { relative } from "node:path";
import ts from "typescript";
import { PROJECT } from "./project.ts";

/** One diagnostic as the build's other problems read: `file:line:col: message (TSnnnn)`. */
export function describeDiagnostic(diagnostic: ts.Diagnostic, root = PROJECT): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const code = `(TS${diagnostic.code})`;
  if (!diagnostic.file || diagnostic.start === undefined) return `${message} ${code}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const file = relative(root, diagnostic.file.fileName).replace(/\\/g, "/");
  return `${file}:${line + 1}:${character + 1}: ${message} ${code}`;
}

/** Watches the project at `root`, calling `report` with its type errors after every check. */
export function watchTypes(root: string, report: (problems: string[]) => void): () => void {
  const configPath = ts.findConfigFile(root, ts.sys.fileExists, "tsconfig.json");
  if (!configPath) {
    report([`${relative(PROJECT, root) || "."}: no tsconfig.json to check the types with`]);
    return () => undefined;
  }
  let problems: string[] = [];
  const host = ts.createWatchCompilerHost(
    configPath,
    { noEmit: true },
    ts.sys,
    ts.createSemanticDiagnosticsBuilderProgram,
    (diagnostic) => problems.push(describeDiagnostic(diagnostic, root)),
    (status) => {
      // 6031/6032: a check starts; 6193/6194: it ended ("Found N errors").
      if (status.code === 6031 || status.code === 6032) problems = [];
      if (status.code === 6193 || status.code === 6194) report(problems);
    },
  );
  const watch = ts.createWatchProgram(host);
  return () => watch.close();
}
