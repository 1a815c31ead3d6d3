import type { AnyNode, Identifier, Node, Pattern } from "acorn";
import { simple } from "acorn-walk";
import { patternIdentifiers } from "./find-declarations.ts";

/**
 * The free names a cell assigns to (`x = 1`, `x += 1`, `x++`, `[x] = …`, `for (x of …)`):
 * those of `free` (the cell's free identifiers) that are an assignment's target.
 */
export function findAssignments(program: Node, free: ReadonlySet<Identifier>): Identifier[] {
  const found: Identifier[] = [];
  const targets = (pattern: Pattern): void => {
    for (const id of patternIdentifiers(pattern)) if (free.has(id)) found.push(id);
  };
  simple(program as AnyNode, {
    AssignmentExpression(node) {
      targets(node.left);
    },
    UpdateExpression(node) {
      if (node.argument.type === "Identifier") targets(node.argument);
    },
    ForInStatement(node) {
      if (node.left.type !== "VariableDeclaration") targets(node.left);
    },
    ForOfStatement(node) {
      if (node.left.type !== "VariableDeclaration") targets(node.left);
    },
  });
  return found.sort((a, b) => a.start - b.start);
}
