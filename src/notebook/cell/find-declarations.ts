import type { Node, Pattern, Program } from "acorn";

/** Identifier nodes bound by a destructuring pattern (`{a, b: [c, ...d]} = …` binds a, c, d). */
export function patternIdentifiers(pattern: Pattern): Extract<Pattern, { type: "Identifier" }>[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern];
    case "ObjectPattern":
      return pattern.properties.flatMap((p) =>
        patternIdentifiers(p.type === "RestElement" ? p.argument : p.value),
      );
    case "ArrayPattern":
      return pattern.elements.flatMap((e) => (e ? patternIdentifiers(e) : []));
    case "RestElement":
      return patternIdentifiers(pattern.argument);
    case "AssignmentPattern":
      return patternIdentifiers(pattern.left);
    default:
      return []; // MemberExpression targets bind nothing
  }
}

/** The identifier nodes a program declares at its top level (var, let, const, function, class). */
export function findDeclarations(program: Program): (Node & { name: string })[] {
  const found: (Node & { name: string })[] = [];
  for (const statement of program.body) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations)
        found.push(...patternIdentifiers(declarator.id));
    } else if (
      (statement.type === "FunctionDeclaration" || statement.type === "ClassDeclaration") &&
      statement.id
    ) {
      found.push(statement.id);
    }
  }
  return found;
}
