import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ts from "typescript";
import { SRC, sourceFiles, sourceText } from "./source-files.ts";

// No function over about 80 lines: a longer one is a set of phases waiting for their names
// (`traceComputation` is record → backward pass → nodes → steps; the graph view a class with
// small methods). Counted from the line the function starts on to the line its body closes,
// comments included.

const MAX_LINES = 80;

/** "file:name" → length in lines of every function in src/ longer than MAX_LINES. */
export function longFunctions(
  files = sourceFiles(),
  textOf: (file: string) => string = sourceText,
): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of files) {
    const source = ts.createSourceFile(file, textOf(file), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > MAX_LINES) found.set(`${file}:${functionName(node, source)}`, lines);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** A function's name as a reader would look for it: `Class.method`, `name`, or its line. */
function functionName(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.FunctionLikeDeclaration;
  let name = named.name?.getText(source);
  if (!name && ts.isVariableDeclaration(node.parent)) name = node.parent.name.getText(source);
  if (!name && ts.isPropertyAssignment(node.parent)) name = node.parent.name.getText(source);
  if (!name)
    name = `(function at line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`;
  const owner = node.parent;
  if (ts.isClassLike(owner) && owner.name) return `${owner.name.text}.${name}`;
  return name;
}

describe(`functions in ${SRC}/`, () => {
  it(`are at most ${MAX_LINES} lines long`, () => {
    const over = [...longFunctions()].map(([key, lines]) => `${key} (${lines} lines)`);
    assert.deepEqual(over, [], `split into named phases:\n${over.join("\n")}`);
  });

  it("longFunctions finds functions, methods and arrows by name, inner ones too", () => {
    const body = (n: number) => Array.from({ length: n - 2 }, (_, i) => `  f(${i});`).join("\n");
    const code = [
      `export function long() {\n${body(81)}\n}`,
      `function short() {\n${body(80)}\n}`,
      `class Deck {\n  move() {\n${body(90)}\n  }\n}`,
      `const arrow = () => {\n  const inner = () => {\n${body(81)}\n  };\n};`,
    ].join("\n");
    assert.deepEqual(Object.fromEntries(longFunctions(["x.ts"], () => code)), {
      "x.ts:long": 81,
      "x.ts:Deck.move": 90,
      "x.ts:arrow": 83,
      "x.ts:inner": 81,
    });
  });
});
