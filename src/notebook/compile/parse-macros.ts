import { CompileError } from "../cell/index.ts";

/**
 * Reads `\newcommand{\name}{body}` (or `\newcommand{\name}[2]{body with #1 #2}`) lines into the
 * macro table KaTeX takes. Blank lines and `%` comments are skipped; anything else is an error.
 */
export function parseMacros(source: string, file: string): Record<string, string> {
  const macros: Record<string, string> = {};
  const lines = source.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("%")) return;
    const head = /^\\(?:re)?newcommand\{?(\\[A-Za-z]+)\}?(?:\[(\d)\])?\{/.exec(line);
    if (!head || !line.endsWith("}")) {
      throw new CompileError({
        file,
        line: index + 1,
        column: 1,
        message: `expected a line like \\newcommand{\\R}{\\mathbb{R}}, found: ${line}`,
      });
    }
    const body = line.slice(head[0].length, -1);
    if (!balanced(body)) {
      throw new CompileError({
        file,
        line: index + 1,
        column: 1,
        message: `unbalanced braces in macro ${head[1]}`,
      });
    }
    macros[head[1]] = body;
  });
  return macros;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth < 0) return false;
  }
  return depth === 0;
}
