// A panel box (the equation, the ledger) holds the shown step's content and, hidden, that of
// its neighbours, stacked in one place. A typeset equation is some 800 elements; styling and
// laying them out was the largest part of a step change. Neighbours are added (and, on a
// slide, fitted) while the browser is idle, so stepping to one only switches which element
// shows: no markup is parsed, styled or laid out at the key press. Hidden ones are transparent
// and aria-hidden. Showing a step also lets go of whatever lies outside its window, so the box
// stays small when presses come faster than idle time (each kept step is laid out, and on a
// big graph thousands of them made every step lay out hundreds of thousands of elements).

/** Neighbours kept ready on each side of the shown step. */
const AHEAD = 2;
const BEHIND = 1;

/** The class of the content that shows; the others are hidden (graph.css). */
export const SHOWN = "is-shown";

/** One panel box over one timeline. */
export class PanelWindow {
  private shown: HTMLElement | null = null;
  /** What the box holds, by position. */
  private readonly held = new Map<number, HTMLElement>();

  constructor(
    private readonly box: HTMLElement,
    /** The content element of a position (built once, kept by the cache). */
    private readonly content: (position: number) => HTMLElement,
    /** Fits a content element of `position` into the box (a no-op off a slide). */
    private readonly fit: (el: HTMLElement, position: number) => void,
  ) {}

  /** Shows the content of `position` (adding it to the box if it is not there yet). */
  show(position: number): HTMLElement {
    const el = this.content(position);
    this.hold(position, el);
    if (this.shown !== el) {
      this.shown?.classList.remove(SHOWN);
      this.shown?.setAttribute("aria-hidden", "true");
      // A hidden content is no Tab stop (fit-panel.ts gives one to a shown content that scrolls).
      this.shown?.removeAttribute("tabindex");
      el.classList.add(SHOWN);
      el.removeAttribute("aria-hidden");
      this.shown = el;
    }
    this.release(position);
    return el;
  }

  /** Puts `el`, the content of `position`, into the box (hidden unless it shows). */
  private hold(position: number, el: HTMLElement): void {
    const before = this.held.get(position);
    if (before && before !== el && before !== this.shown) before.remove(); // rebuilt since
    if (el.parentElement !== this.box) {
      if (el !== this.shown) el.setAttribute("aria-hidden", "true");
      this.box.append(el);
    }
    this.held.set(position, el);
  }

  /** Takes out of the box what lies outside the window around `position`. */
  private release(position: number): void {
    for (const [p, el] of this.held) {
      if (p >= position - BEHIND && p <= position + AHEAD) continue;
      if (el === this.shown) continue;
      el.remove();
      this.held.delete(p);
    }
  }

  /** The content element shown now. */
  get current(): HTMLElement | null {
    return this.shown;
  }

  /**
   * Puts the neighbours of `position` into the box and lets go of the others (call in idle
   * time). Reading a size at the end lays them out now rather than at the next key press.
   */
  prepare(position: number, count: number): void {
    for (let p = position - BEHIND; p <= position + AHEAD; p++) {
      if (p < 0 || p >= count) continue;
      const el = this.content(p);
      this.hold(p, el);
      if (el !== this.shown) this.fit(el, p);
    }
    this.release(position);
    void this.box.offsetHeight;
  }

  /** Empties the box (another granularity takes it over). */
  clear(): void {
    this.box.replaceChildren();
    this.held.clear();
    this.shown = null;
  }
}
