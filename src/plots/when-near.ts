// When a plot should draw. Vega's compile, dataflow and SVG cost some 20–60 ms a plot, and a
// chapter has up to eight: drawn all at once they hold back the first screen a reader sees.
// So a plot draws as soon as it comes within a screen's height of the viewport; one further
// away waits ("parks") and is drawn in the background once every cell of the page has settled,
// one plot per idle moment, so that by the time a reader scrolls or prints, it is there.
// Printing draws whatever is still parked at once.

/** How far outside the viewport a plot already counts as near: one screen above and below. */
const NEAR = "100% 0px 100% 0px";

interface Parked {
  element: Element;
  draw: () => void;
}

/** Shown at all (not inside a display: none slide of the deck): only then can it be drawn. */
const shown = (element: Element): boolean =>
  typeof element.checkVisibility === "function"
    ? element.checkVisibility()
    : element.getClientRects().length > 0;

const queue: Parked[] = [];
let draining = false;

/** What the background drawing waits for: the page's cells, when there is a notebook. */
function pageSettled(): Promise<void> {
  return window.__notebook?.settled ?? Promise.resolve();
}

const idle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === "function")
      requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 50);
  });

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  await pageSettled();
  // A figure taken off the page (its cell ran again) is dropped: nobody will see it.
  for (let i = queue.length - 1; i >= 0; i--)
    if (!queue[i]?.element.isConnected) queue.splice(i, 1);
  // A plot in a hidden slide waits until its slide is shown (the observer reports it then),
  // since Vega would measure its container as 0 px wide.
  for (
    let next = queue.find((p) => shown(p.element));
    next;
    next = queue.find((p) => shown(p.element))
  ) {
    await idle();
    if (queue.includes(next)) next.draw();
  }
  draining = false;
}

if (typeof addEventListener === "function") {
  addEventListener("beforeprint", () => {
    for (const parked of queue.splice(0)) parked.draw();
  });
}

/**
 * `near` resolves when `element` should draw (see the file comment); `parked` resolves if it
 * was first found far from the viewport, meaning the page need not wait for it. Without
 * IntersectionObserver, `near` resolves at once.
 */
export function whenNear(element: Element): { near: Promise<void>; parked: Promise<void> } {
  let resolveNear!: () => void;
  let resolveParked!: () => void;
  const near = new Promise<void>((y) => {
    resolveNear = y;
  });
  const parked = new Promise<void>((y) => {
    resolveParked = y;
  });
  if (typeof IntersectionObserver !== "function") {
    resolveNear();
    return { near, parked };
  }
  let done = false;
  const entry: Parked = { element, draw: () => go() };
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) go();
      else if (!element.isConnected) return;
      else if (!queue.includes(entry) && !done) {
        queue.push(entry);
        resolveParked();
        void drain();
      } else if (!done) {
        void drain(); // it may have been hidden when the queue was last drained
      }
    },
    { rootMargin: NEAR },
  );
  function go(): void {
    if (done) return;
    done = true;
    observer.disconnect();
    const at = queue.indexOf(entry);
    if (at >= 0) queue.splice(at, 1);
    resolveNear();
  }
  // A plot is made before the cell puts it on the page; an observer's first report on an
  // element not yet in the document would say "far away" whatever happens next, so it starts
  // watching once the figure is on the page. A figure still off the page after two frames
  // (a cell that yields a new plot every frame replaces each one before it is ever seen) is
  // nothing for the page to wait for; one put on the page later still draws, once near.
  let frames = 0;
  const watch = (): void => {
    if (done) return;
    frames += 1;
    if (element.isConnected) {
      observer.observe(element);
      requestAnimationFrame(() => requestAnimationFrame(gone));
      return;
    }
    if (frames === 2) resolveParked();
    if (frames > 180) observer.observe(element);
    else requestAnimationFrame(watch);
  };
  const gone = (): void => {
    if (!done && !element.isConnected) resolveParked();
  };
  watch();
  return { near, parked };
}
