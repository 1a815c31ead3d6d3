// A box that scrolls (a long code line, a wide equation or table, a cell's wide output) must be
// reachable from the keyboard, or a reader without a mouse never sees its right-hand part. A
// box that overflows and holds nothing focusable joins the tab order as a named region, so the
// arrow keys scroll it and a screen reader says what it is; once it fits again it leaves.
// Whether a box overflows depends on the window's width and on what cells draw, so the page is
// checked again after a resize and after its content changes.

/** Boxes that may scroll sideways, with the name each is announced by. */
const SCROLLERS: readonly [selector: string, name: string][] = [
  ["pre", "Code"],
  [".math-display, .katex-display", "Equation"],
  ["table", "Table"],
  [".cell", "Output"],
];

const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
const MARK = "scrollRegion";

function overflows(box: HTMLElement): boolean {
  const style = getComputedStyle(box);
  const scrolls = (o: string) => o === "auto" || o === "scroll";
  return (
    (scrolls(style.overflowX) && box.scrollWidth > box.clientWidth + 1) ||
    (scrolls(style.overflowY) && box.scrollHeight > box.clientHeight + 1)
  );
}

/** Adds or removes the keyboard stop on every scrolling box inside `root`. */
export function updateScrollRegions(root: ParentNode = document): void {
  for (const [selector, name] of SCROLLERS) {
    let count = 0; // "Code 2, scrollable": regions on one page need names of their own
    for (const box of root.querySelectorAll<HTMLElement>(selector)) {
      const marked = box.dataset[MARK] !== undefined;
      if (!marked && box.hasAttribute("tabindex")) continue; // the page's own choice
      const needed = overflows(box) && !box.querySelector(FOCUSABLE);
      if (needed) count++;
      if (needed && !marked) {
        box.dataset[MARK] = "";
        box.tabIndex = 0;
        // A table keeps its own role (rows and headers), named as a scrollable one.
        if (!box.hasAttribute("role") && box.localName !== "table") {
          box.setAttribute("role", "region");
          box.dataset[MARK] = "role";
        }
        if (!box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) {
          box.setAttribute("aria-label", `${name} ${count}, scrollable`);
          box.dataset[MARK] += " label";
        }
      } else if (!needed && marked) {
        const added = box.dataset[MARK] ?? "";
        box.removeAttribute("tabindex");
        if (added.includes("role")) box.removeAttribute("role");
        if (added.includes("label")) box.removeAttribute("aria-label");
        delete box.dataset[MARK];
      }
    }
  }
}

/** Keeps the page's scrolling boxes reachable by keyboard as its width and content change. */
export function followScrollRegions(root: HTMLElement = document.body): void {
  // A new width is checked on the next frame, before the reader can press Tab; what cells draw
  // (a live plot redraws every frame) at most twice a second.
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (): void => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
    updateScrollRegions(root);
  };
  new ResizeObserver(() => {
    if (frame === 0) frame = requestAnimationFrame(update);
  }).observe(root);
  new MutationObserver(() => {
    if (timer === undefined) timer = setTimeout(update, 500);
  }).observe(root, { childList: true, subtree: true });
  updateScrollRegions(root);
}
