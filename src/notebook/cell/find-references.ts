import type { AnyNode, Identifier, Node, Pattern } from "acorn";
import { ancestor } from "acorn-walk";
import { patternIdentifiers } from "./find-declarations.ts";

const FUNCTION = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
const BLOCK = new Set([
  "BlockStatement",
  "ForStatement",
  "ForInStatement",
  "ForOfStatement",
  "SwitchStatement",
  "StaticBlock",
  "Program",
]);

/** The names each scope of a cell declares, and the identifiers that declare them. */
interface Scopes {
  scopes: Map<Node, Set<string>>;
  declaring: Set<Node>;
}

/**
 * The free identifiers of a cell: names it reads (or assigns) that no scope inside the cell
 * declares, in source order, each node once. Top-level declarations of the cell itself are
 * local, so a cell never references what it declares.
 */
export function findReferences(program: Node): Identifier[] {
  const { scopes, declaring } = findScopes(program);
  const references: Identifier[] = [];
  const visit = (node: Identifier, ancestors: Node[]): void => {
    if (declaring.has(node)) return;
    for (let i = ancestors.length - 2; i >= 0; i--) {
      const scope = ancestors[i];
      if (scopes.get(scope)?.has(node.name)) return;
      if (
        node.name === "arguments" &&
        (scope.type === "FunctionDeclaration" || scope.type === "FunctionExpression")
      )
        return;
    }
    references.push(node);
  };
  // acorn-walk visits identifiers in patterns (declarations and assignment targets) under the
  // pseudo-type "VariablePattern", which its typings do not list.
  const visitors = {
    Identifier: (node: Identifier, _state: unknown, ancestors: Node[]) => visit(node, ancestors),
    VariablePattern: (node: Identifier, _state: unknown, ancestors: Node[]) =>
      visit(node, ancestors),
  };
  ancestor(program as AnyNode, visitors as Parameters<typeof ancestor>[1]);
  return references.sort((a, b) => a.start - b.start);
}

const FUNCTION_OR_PROGRAM = new Set([...FUNCTION, "Program"]);
const BLOCK_OR_FUNCTION = new Set([...BLOCK, ...FUNCTION]);

/** The innermost ancestor of one of `kinds` (the node itself excluded unless `skipSelf` is off). */
function nearest(ancestors: Node[], kinds: Set<string>, skipSelf = true): Node | undefined {
  for (let i = ancestors.length - (skipSelf ? 2 : 1); i >= 0; i--) {
    if (kinds.has(ancestors[i].type)) return ancestors[i];
  }
  return undefined;
}

/** Every declaration of the cell, in the scope it belongs to (var to its function, let to its block). */
function findScopes(program: Node): Scopes {
  const scopes = new Map<Node, Set<string>>();
  const declaring = new Set<Node>();
  const declare = (scope: Node | undefined, ids: Identifier[]): void => {
    if (!scope) return;
    let names = scopes.get(scope);
    if (!names) {
      names = new Set();
      scopes.set(scope, names);
    }
    for (const id of ids) {
      names.add(id.name);
      declaring.add(id);
    }
  };
  const params = (ps: Pattern[]): Identifier[] => ps.flatMap((p) => patternIdentifiers(p));
  ancestor(program as AnyNode, {
    VariableDeclaration(node, _state, ancestors) {
      const kinds = node.kind === "var" ? FUNCTION_OR_PROGRAM : BLOCK;
      const scope = nearest(ancestors as Node[], kinds);
      for (const d of node.declarations) declare(scope, patternIdentifiers(d.id));
    },
    FunctionDeclaration(node, _state, ancestors) {
      if (node.id) declare(nearest(ancestors as Node[], BLOCK_OR_FUNCTION), [node.id]);
      declare(node, params(node.params));
    },
    FunctionExpression(node) {
      declare(node, [...(node.id ? [node.id] : []), ...params(node.params)]);
    },
    ArrowFunctionExpression(node) {
      declare(node, params(node.params));
    },
    ClassDeclaration(node, _state, ancestors) {
      if (node.id) declare(nearest(ancestors as Node[], BLOCK), [node.id]);
    },
    ClassExpression(node) {
      if (node.id) declare(node, [node.id]);
    },
    CatchClause(node) {
      if (node.param) declare(node, patternIdentifiers(node.param));
    },
  });
  return { scopes, declaring };
}
