import katex from "katex";

/** Options shared by every formula of the site. */
export interface MathOptions {
  /** Macros from content/macros.tex; copied per formula because KaTeX writes \gdef into it. */
  macros: Readonly<Record<string, string>>;
}

/**
 * Typesets TeX to HTML with KaTeX at build time. Throws KaTeX's own message (unknown macro,
 * unbalanced braces, …) so the caller can add the Markdown position.
 */
export function renderMath(tex: string, displayMode: boolean, options: MathOptions): string {
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: true,
    macros: { ...options.macros },
    output: "htmlAndMathml",
    strict: "ignore",
    // Only in-page links (\eqref) may become anchors; nothing else gets trusted.
    trust: (context) =>
      context.command === "\\href" && "url" in context && String(context.url).startsWith("#"),
  });
}

/**
 * KaTeX's message on one line, without its "KaTeX parse error: " prefix. `brief` keeps only the
 * message proper, for a caller that points at the position itself.
 */
export function mathErrorMessage(error: unknown, brief = false): string {
  const raw = (error as { rawMessage?: unknown }).rawMessage;
  const message =
    brief && typeof raw === "string" ? raw : String((error as Error).message ?? error);
  // KaTeX underlines the culprit with combining low lines (U+0332), unreadable in a terminal,
  // and quotes the formula around it, newlines included.
  return message
    .replace(/^KaTeX parse error: /, "")
    .replace(/\u0332/g, "")
    .replace(/\s*\n\s*/g, " ");
}

/** Where in the TeX KaTeX found the error (0-based), when it says. */
export function mathErrorOffset(error: unknown): number | undefined {
  const position = (error as { position?: unknown }).position;
  return typeof position === "number" ? position : undefined;
}
