// What the Markdown renderer carries beside the tokens: the page's `env` (macros, labels, the
// errors collected) and the compiler's notes on each token. Plain types, so the markdown-it
// plugins (reading-blocks.ts) and the stages around the renderer share them without importing
// the renderer itself.

import type { Env, Token } from "markdown-it";
import type { EquationLabel } from "./number-equations.ts";
import type { LinkTargets } from "./resolve-link.ts";
import type { FilePosition } from "./source-text.ts";
import type { CompileErrorData, PageLinkData } from "./types.ts";

/** What the renderer needs besides the tokens; passed to markdown-it as `env`. */
export interface RenderEnv extends Env {
  file: string;
  macros: Readonly<Record<string, string>>;
  labels: ReadonlyMap<string, EquationLabel>;
  /** HTML for each cell token (keyed by cell id), made by the compiler before rendering. */
  cellHtml: Map<string, string>;
  /** Math, `\eqref` and link errors: each is shown in place and collected here. */
  errors: CompileErrorData[];
  /** Slide counter, advanced at each `---`. */
  slide: number;
  /** Lines before the Markdown body (front matter): body line 0 is file line lineOffset + 1. */
  lineOffset?: number;
  /** The site's pages; without them links to `.md` files are left as written. */
  links?: LinkTargets;
  /** Links to other pages found while rendering. */
  pageLinks: PageLinkData[];
}

/** What the compiler notes on a token: its Markdown position and, for cells, the cell id. */
export interface TokenMeta {
  cellId?: string;
  /** Character offset of an inline token within its paragraph. */
  offset?: number;
  line?: number;
  column?: number;
  /** Display math: the file position of a character of the formula. */
  locate?: (offset: number) => FilePosition;
  /** A ```` ```notes ```` fence: its content, parsed and annotated. */
  notes?: Token[];
  /** Inside speaker notes (`---` there is a rule, not a slide break). */
  inNotes?: boolean;
  /** An error found before rendering, shown in the token's place. */
  error?: CompileErrorData;
}

/** The meta record of a token (markdown-it types it loosely). */
export function metaOf(token: Token): TokenMeta {
  return (token.meta ?? {}) as TokenMeta;
}
