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

/** KaTeX's message without its "KaTeX parse error: " prefix. */
export function mathErrorMessage(error: unknown): string {
  // KaTeX underlines the culprit with combining low lines (U+0332), unreadable in a terminal.
  return String((error as Error).message ?? error)
    .replace(/^KaTeX parse error: /, "")
    .replace(/\u0332/g, "");
}
