/** Where each `\label{name}` points: its number ("3.2") and the anchor id of its display. */
export interface EquationLabel {
  number: string;
  anchor: string;
}

/** A display equation in page order, with its labels, as found in the Markdown. */
export interface DisplayMath {
  tex: string;
  line: number;
  column?: number;
}

/** A problem with the labels of one display, at that display's position. */
export interface LabelError {
  message: string;
  line: number;
  column: number;
}

const LABEL = /\\label\{([^}]*)\}/g;

/** The labels a TeX string defines, in order. */
export function findLabels(tex: string): string[] {
  return [...tex.matchAll(LABEL)].map((m) => m[1]);
}

/**
 * Numbers the labelled display equations of a chapter in order: with `chapter` = 3 the second
 * labelled one is "3.2". Returns the table used by `\eqref`, and an error for each label used
 * twice or display with two labels (KaTeX shows one tag per display).
 */
export function numberEquations(
  chapter: number,
  displays: readonly DisplayMath[],
): { labels: Map<string, EquationLabel>; errors: LabelError[] } {
  const labels = new Map<string, EquationLabel>();
  const errors: LabelError[] = [];
  let count = 0;
  for (const display of displays) {
    const at = { line: display.line, column: display.column ?? 1 };
    const names = findLabels(display.tex);
    if (names.length > 1) {
      errors.push({
        ...at,
        message: `one \\label per display equation, found ${names.length} (${names.join(", ")}); split it into several $$ blocks`,
      });
      continue;
    }
    for (const name of names) {
      if (labels.has(name)) {
        errors.push({ ...at, message: `\\label{${name}} is used twice in this chapter` });
        continue;
      }
      count++;
      labels.set(name, { number: `${chapter}.${count}`, anchor: `eq-${slugLabel(name)}` });
    }
  }
  return { labels, errors };
}

/** `eq:chain-rule` → `chain-rule`-style anchor text safe in an id and a URL. */
function slugLabel(name: string): string {
  return name.replace(/^eq:/, "").replace(/[^A-Za-z0-9_-]+/g, "-");
}

/** TeX rewritten for KaTeX, with a way back from an offset in it to one in the original. */
export interface ResolvedTex {
  tex: string;
  /** The offset in the author's TeX of character `offset` of the rewritten `tex`. */
  sourceOffset(offset: number): number;
}

/** A `\eqref` or `\ref` to a label the chapter does not define, at `offset` in the TeX. */
export class MissingLabelError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Rewrites a TeX string for KaTeX: `\label{x}` becomes `\tag{3.2}` and `\eqref{x}` / `\ref{x}`
 * become links to the equation. Throws a MissingLabelError for a reference to a label the
 * chapter does not define.
 */
export function resolveEquationRefs(
  tex: string,
  labels: ReadonlyMap<string, EquationLabel>,
): ResolvedTex {
  // Each replacement: where it starts in the output and in the source, and both lengths.
  const edits: { out: number; src: number; outLength: number; srcLength: number }[] = [];
  let out = "";
  let at = 0;
  for (const m of tex.matchAll(/\\label\{([^}]*)\}|\\(eqref|ref)\{([^}]*)\}/g)) {
    let replacement: string;
    if (m[1] !== undefined) {
      replacement = `\\tag{${labels.get(m[1])?.number ?? "?"}}`;
    } else {
      const [kind, name] = [m[2], m[3]];
      const label = labels.get(name);
      if (!label)
        throw new MissingLabelError(
          `\\${kind}{${name}} points to no \\label{${name}} in this chapter`,
          m.index,
        );
      const text = kind === "eqref" ? `(${label.number})` : label.number;
      replacement = `\\href{#${label.anchor}}{\\text{${text}}}`;
    }
    out += tex.slice(at, m.index);
    edits.push({
      out: out.length,
      src: m.index,
      outLength: replacement.length,
      srcLength: m[0].length,
    });
    out += replacement;
    at = m.index + m[0].length;
  }
  out += tex.slice(at);
  return {
    tex: out,
    sourceOffset(offset) {
      let shift = 0;
      for (const edit of edits) {
        if (offset < edit.out) break;
        if (offset < edit.out + edit.outLength) return edit.src;
        shift = edit.src + edit.srcLength - (edit.out + edit.outLength);
      }
      return offset + shift;
    },
  };
}
