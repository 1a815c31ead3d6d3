/** Where each `\label{name}` points: its number ("3.2") and the anchor id of its display. */
export interface EquationLabel {
  number: string;
  anchor: string;
}

/** A display equation in page order, with its labels, as found in the Markdown. */
export interface DisplayMath {
  tex: string;
  line: number;
}

const LABEL = /\\label\{([^}]*)\}/g;

/** The labels a TeX string defines, in order. */
export function findLabels(tex: string): string[] {
  return [...tex.matchAll(LABEL)].map((m) => m[1]);
}

/**
 * Numbers the labelled display equations of a chapter in order: with `chapter` = 3 the second
 * labelled one is "3.2". Returns the table used by `\eqref`, or throws a message for a label
 * used twice or a display with two labels (KaTeX shows one tag per display).
 */
export function numberEquations(
  chapter: number,
  displays: readonly DisplayMath[],
): Map<string, EquationLabel> {
  const labels = new Map<string, EquationLabel>();
  let count = 0;
  for (const display of displays) {
    const names = findLabels(display.tex);
    if (names.length > 1) {
      throw Object.assign(
        new Error(
          `one \\label per display equation, found ${names.length} (${names.join(", ")}); split it into several $$ blocks`,
        ),
        { line: display.line },
      );
    }
    for (const name of names) {
      if (labels.has(name)) {
        throw Object.assign(new Error(`\\label{${name}} is used twice in this chapter`), {
          line: display.line,
        });
      }
      count++;
      labels.set(name, { number: `${chapter}.${count}`, anchor: `eq-${slugLabel(name)}` });
    }
  }
  return labels;
}

/** `eq:chain-rule` → `chain-rule`-style anchor text safe in an id and a URL. */
function slugLabel(name: string): string {
  return name.replace(/^eq:/, "").replace(/[^A-Za-z0-9_-]+/g, "-");
}

/**
 * Rewrites a TeX string for KaTeX: `\label{x}` becomes `\tag{3.2}` and `\eqref{x}` / `\ref{x}`
 * become links to the equation. Throws for a reference to a label the chapter does not define.
 */
export function resolveEquationRefs(
  tex: string,
  labels: ReadonlyMap<string, EquationLabel>,
): string {
  return tex
    .replace(LABEL, (_, name: string) => `\\tag{${labels.get(name)?.number ?? "?"}}`)
    .replace(/\\(eqref|ref)\{([^}]*)\}/g, (_, kind: string, name: string) => {
      const label = labels.get(name);
      if (!label)
        throw new Error(`\\${kind}{${name}} points to no \\label{${name}} in this chapter`);
      const text = kind === "eqref" ? `(${label.number})` : label.number;
      return `\\href{#${label.anchor}}{\\text{${text}}}`;
    });
}
