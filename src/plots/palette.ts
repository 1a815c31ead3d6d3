// Okabe–Ito: eight colours told apart with every common colour-vision deficiency
// (Okabe & Ito, "Color Universal Design", 2002). Black is swapped for the page's text colour.
export const OKABE_ITO = [
  "#E69F00",
  "#56B4E9",
  "#009E73",
  "#F0E442",
  "#0072B2",
  "#D55E00",
  "#CC79A7",
  "#999999",
] as const;

/** Colours read from the page's CSS custom properties, so plots follow dark mode. */
export interface PlotTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
  font: string;
  /** The dark scheme is in use: a single series is drawn in sky blue, which reads on it. */
  dark?: boolean;
}

/** The current theme, from `--text`, `--muted`, `--rule`, `--bg` on the document. */
export function readTheme(element: Element = document.documentElement): PlotTheme {
  const style = getComputedStyle(element);
  const dark = usesDark(style.colorScheme);
  const read = (name: string, fallback: string): string =>
    inScheme(style.getPropertyValue(name).trim(), dark) || fallback;
  return {
    text: read("--text", "#1b1b1f"),
    muted: read("--muted", "#5b5b66"),
    grid: read("--rule", "#d8d8de"),
    background: read("--bg", "#ffffff"),
    font: read("--font-sans", "system-ui, sans-serif"),
    dark,
  };
}

/**
 * A custom property's value as a colour the plot can use: the site's palettes declare light
 * and dark side by side, `light-dark(#fdfdfb, #16171b)`, which only CSS itself resolves.
 */
export function inScheme(value: string, dark: boolean): string {
  const pair = /^light-dark\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/.exec(value);
  return pair ? (dark ? pair[2] : pair[1]) : value;
}

/** Whether an element's `color-scheme` (computed) makes light-dark() take its dark colour. */
function usesDark(scheme: string): boolean {
  const offered = scheme.split(/\s+/);
  if (!offered.includes("dark")) return false;
  return !offered.includes("light") || matchMedia("(prefers-color-scheme: dark)").matches;
}

/** A Vega-Lite `config` in the page's colours and the Okabe–Ito palette. */
export function vegaLiteConfig(theme: PlotTheme): Record<string, unknown> {
  return {
    background: null,
    font: theme.font,
    range: { category: [...OKABE_ITO] },
    // Okabe–Ito's blue for a single series on a light page; on a dark one it is too dim to read
    // from the back of a hall (3.5:1), and its sky blue (7.8:1) takes its place.
    mark: { color: theme.dark ? OKABE_ITO[1] : OKABE_ITO[4] },
    axis: {
      labelColor: theme.muted,
      titleColor: theme.text,
      gridColor: theme.grid,
      domainColor: theme.muted,
      tickColor: theme.muted,
      labelFontSize: 12,
      titleFontSize: 13,
    },
    // Vega's own legend sizes (10 and 11 px) are the smallest text on a plot; match the axes.
    legend: {
      labelColor: theme.text,
      titleColor: theme.text,
      labelFontSize: 12,
      titleFontSize: 13,
    },
    title: { color: theme.text },
    view: { stroke: null },
  };
}

/**
 * A spec's own `config` over the page's: each block it sets (`legend`, `axis`, …) is merged
 * into the page's block of that name, so a spec that moves its legend keeps the page's type
 * sizes and colours instead of falling back to Vega's 10 px defaults.
 */
export function mergeConfig(
  base: Record<string, unknown>,
  own: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own ?? {})) {
    const under = base[key];
    merged[key] = isBlock(value) && isBlock(under) ? { ...under, ...value } : value;
  }
  return merged;
}

const isBlock = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
