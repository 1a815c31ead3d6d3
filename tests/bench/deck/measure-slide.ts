// What one slide looks like from the back row, measured in the page: the size each text run is
// drawn at on screen (computed font size times every transform above it, so the slide's scale
// to the window and a plot's viewBox both count), the smallest of them, and the median size of
// the slide's prose (paragraphs and list items, weighted by characters). A string, so the
// bench's compiler adds no helpers the page lacks.
export const MEASURE_SLIDE = `(() => {
  const section = document.querySelector("article.chapter > section.is-current");
  if (!section) return null;
  const cssScale = (start) => {
    let scale = 1;
    for (let el = start; el; el = el.parentElement) {
      const t = getComputedStyle(el).transform;
      if (t && t !== "none") {
        const m = new DOMMatrixReadOnly(t);
        scale *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      }
    }
    return scale;
  };
  const hidden = (el) => {
    for (let at = el; at && at !== section; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.clipPath !== "none" || at.classList.contains("katex-mathml")) return true;
    }
    return false;
  };
  const runs = [];
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue || "").trim();
    const el = node.parentElement;
    if (!text || !el) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (el.closest("aside.notes, script, style, title, desc") || hidden(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (!Array.from(range.getClientRects()).some((r) => r.width > 0 && r.height > 0)) continue;
    const fontSize = parseFloat(getComputedStyle(el).fontSize);
    let scale = cssScale(el);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    }
    const prose = el.closest("section.slide > p, section.slide > ul > li, section.slide > ol > li") !== null;
    runs.push({ size: Math.round(fontSize * scale * 10) / 10, chars: text.length, prose });
  }
  const smallest = runs.reduce((m, r) => Math.min(m, r.size), Infinity);
  const prose = runs.filter((r) => r.prose).sort((a, b) => a.size - b.size);
  const total = prose.reduce((s, r) => s + r.chars, 0);
  let median = 0;
  for (let seen = 0, i = 0; i < prose.length; i++) {
    seen += prose[i].chars;
    if (seen >= total / 2) { median = prose[i].size; break; }
  }
  return {
    smallest: Number.isFinite(smallest) ? smallest : 0,
    proseMedian: median,
    proseSmallest: prose.length ? prose[0].size : 0,
    otherSmallest: runs.filter((r) => !r.prose).reduce((m, r) => Math.min(m, r.size), Infinity),
  };
})()`;

/** Resolves once the current slide's cells, plots and graphs have drawn (or after 10 s). */
export const SLIDE_SETTLED = `(() => {
  const section = document.querySelector("article.chapter > section.is-current");
  if (!section || section.querySelector(".cell-pending")) return false;
  const bottom = section.getBoundingClientRect().bottom;
  for (const plot of section.querySelectorAll("figure.plot")) {
    if (plot.getBoundingClientRect().top >= bottom) continue;
    if (!plot.querySelector("svg, canvas") && !plot.classList.contains("plot-error")) return false;
  }
  for (const graph of section.querySelectorAll(".graph-view")) if (!graph.querySelector("svg")) return false;
  return document.fonts.status === "loaded";
})()`;

/** One slide change by "N Enter": milliseconds from the key to the frame after it drew. */
export const TIMED_JUMP = (slide: number) => `(async () => {
  const key = (k) => document.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  for (const digit of String(${slide})) key(digit);
  const start = performance.now();
  key("Enter");
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - start;
})()`;
