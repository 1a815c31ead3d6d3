import { basename } from "node:path";
import { CompileError } from "../notebook/compile/index.ts";

// Characters a page's file name becomes part of its address and its links with: these would
// end the attribute (`"`, `'`), start a tag (`<`), cut the path (`#`, `?`), start an escape
// (`%`) or separate it (`\`, spaces).
const UNSAFE = /["'<>#?%\\`\s\p{Cc}]/u;

/**
 * Refuses a Markdown file whose name cannot be a page address as it is: the build would write
 * links that break, or that inject markup. Names in any script (日本.md, café.md) are fine.
 */
export function checkFileName(file: string): void {
  const name = basename(file);
  const bad = UNSAFE.exec(name)?.[0];
  if (bad === undefined) return;
  const shown = /\s|\p{Cc}/u.test(bad) ? "a space or control character" : `\`${bad}\``;
  throw new CompileError({
    file,
    line: 1,
    column: 1,
    message: `the file name has ${shown}, which cannot be part of a page's address; rename the file (letters, digits and - are safe)`,
  });
}
