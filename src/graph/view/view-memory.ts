// A re-run cell draws a new view in place of the old one (a slider moved, new numbers): the
// new view takes up where the reader left the old — the same step, granularity and switches —
// when it draws the same computation. Kept per cell element, so it goes with the page.

/** What a view hands on to the next one drawn in its place. */
export interface ViewPlace {
  /** Which computation: the ops and their order (numbers may differ). */
  readonly signature: string;
  readonly position: number;
  readonly neurons: boolean;
  readonly check: boolean;
  readonly nudge: boolean;
  readonly actualSize: boolean;
}

const places = new WeakMap<Element, ViewPlace[]>();

/** The element a view's place is kept on (its cell), and its index among the cell's views. */
function homeOf(root: Element): { home: Element; index: number } | null {
  const home = root.closest(".cell, [data-cell]");
  if (!home) return null;
  const index = [...home.querySelectorAll(".graph-view")].indexOf(root);
  return index < 0 ? null : { home, index };
}

/** Keeps `place` for the view `root` (a no-op until the view is on the page). */
export function rememberPlace(root: Element, place: ViewPlace): void {
  const at = homeOf(root);
  if (!at) return;
  const list = places.get(at.home) ?? [];
  list[at.index] = place;
  places.set(at.home, list);
}

/** The place left by the view drawn here before `root`, if it drew the same computation. */
export function recallPlace(root: Element, signature: string): ViewPlace | null {
  const at = homeOf(root);
  const place = at ? places.get(at.home)?.[at.index] : undefined;
  return place && place.signature === signature ? place : null;
}

/**
 * Calls `adopt` once `root` is on the page (a cell puts its output there a few microtasks
 * after it returns), in the first animation frame — before that frame is painted, so the
 * reader never sees the view at its start. Gives up after ten seconds off the page: counted
 * in time, not frames, since a page busy re-running other cells draws few frames.
 */
export function whenPlaced(root: Element, adopt: () => void, patience = 10_000): void {
  const view = root.ownerDocument.defaultView;
  if (!view) return;
  const until = view.performance.now() + patience;
  const attempt = (): void => {
    if (root.isConnected) adopt();
    else if (view.performance.now() < until) view.requestAnimationFrame(attempt);
  };
  view.requestAnimationFrame(attempt);
}
