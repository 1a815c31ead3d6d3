import { type Node, type Options, Parser, parseExpressionAt } from "acorn";
import { simple } from "acorn-walk";
import { GUARD_NAME, type Insertion } from "../guard/index.ts";

/** A cell's code with its loops guarded, and what was inserted (to map columns back). */
export interface GuardedCode {
  code: string;
  insertions: Insertion[];
}

const OPTIONS: Options = {
  ecmaVersion: "latest",
  sourceType: "module",
  allowAwaitOutsideFunction: true,
  locations: true,
};

type Loop = Node & { body: Node & { type: string } };

/**
 * Puts a call to the loop guard at the top of every loop body (`while`, `do`, `for`, `for…in`,
 * `for…of`), so a loop that never ends is stopped by the guard instead of freezing the page.
 * Nothing is put on a new line: every line keeps its number, and `mapColumn` undoes the shift
 * of the columns after an insertion. `expression` says the code is a lone expression (an
 * expression cell), not a program; `budget` gives these loops a time budget of their own (ms)
 * instead of the guard's. Code that does not parse comes back unchanged.
 */
export function instrumentLoops(
  code: string,
  expression: boolean,
  id = "",
  budget?: number,
): GuardedCode {
  let root: Node;
  try {
    root = expression ? parseExpressionAt(code, 0, OPTIONS) : Parser.parse(code, OPTIONS);
  } catch {
    return { code, insertions: [] };
  }
  const call = `${GUARD_NAME}(${JSON.stringify(id)}${budget === undefined ? "" : `,${budget}`});`;
  const edits: { at: number; text: string }[] = [];
  const guard = (loop: Loop): void => {
    const body = loop.body;
    if (body.type === "BlockStatement") edits.push({ at: body.start + 1, text: call });
    else {
      edits.push({ at: body.start, text: `{${call}` });
      edits.push({ at: body.end, text: "}" });
    }
  };
  simple(root, {
    WhileStatement: (n) => guard(n as Loop),
    DoWhileStatement: (n) => guard(n as Loop),
    ForStatement: (n) => guard(n as Loop),
    ForInStatement: (n) => guard(n as Loop),
    ForOfStatement: (n) => guard(n as Loop),
  });
  if (edits.length === 0) return { code, insertions: [] };
  edits.sort((a, b) => a.at - b.at);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const insertions: Insertion[] = [];
  let out = "";
  let last = 0;
  for (const { at, text } of edits) {
    out += code.slice(last, at) + text;
    last = at;
    let line = lineStarts.length;
    while (lineStarts[line - 1] > at) line--;
    insertions.push({ line, column: at - lineStarts[line - 1], length: text.length });
  }
  return { code: out + code.slice(last), insertions };
}
