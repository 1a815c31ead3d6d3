// The source files under src/ and the tokens of each, comments left out, for the tests that
// check how modules meet (imports.test.ts) and where the DOM may be used (dom-boundary.test.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const SRC = "src";

/** Every .ts and .js file under src/, as a path relative to src/ with "/" separators. */
export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|js)$/.test(name) ? [relative(SRC, path).split("\\").join("/")] : [];
    });
}

/**
 * The names a piece of code uses as variables or types: every identifier except a property
 * after a dot, a key or member name being declared, and a label (comments and strings are
 * not identifiers at all).
 */
export function namesUsedIn(code: string): Set<string> {
  const source = ts.createSourceFile("code.ts", code, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        ((ts.isPropertyAssignment(parent) ||
          ts.isPropertyDeclaration(parent) ||
          ts.isPropertySignature(parent) ||
          ts.isMethodDeclaration(parent) ||
          ts.isMethodSignature(parent) ||
          ts.isGetAccessor(parent) ||
          ts.isSetAccessor(parent)) &&
          parent.name === node) ||
        (ts.isLabeledStatement(parent) && parent.label === node);
      if (!isMemberName) names.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The source text of a file under src/. */
export function sourceText(file: string): string {
  return readFileSync(join(SRC, file), "utf8");
}

/** The relative module specifiers a file imports or re-exports (`./x.ts`, `../m/index.ts`). */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) spec = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      spec = node.arguments[0];
    }
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith(".")) found.push(spec.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
