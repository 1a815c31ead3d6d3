// Keyboard access to the drawing's nodes, with a roving tabindex: Tab reaches one node (the
// current step's, or the first), ↑ and ↓ move to the previous and next node in reading order
// (column by column, top to bottom), Enter or Space goes to that node's step, as a click does.
// ← and → keep stepping, so the stepper works wherever the focus is inside the widget.

/** What the roving focus needs from the view. */
export interface NodeFocusHost {
  /** Node ids in reading order. */
  order(): readonly string[];
  node(id: string): SVGGElement | undefined;
  /** Goes to the step of node `id`. */
  activate(id: string): void;
}

/** The node id a keyboard or pointer event happened on, if any. */
export function nodeIdOf(target: EventTarget | null): string | null {
  return target instanceof Element
    ? (target.closest("[data-node]")?.getAttribute("data-node") ?? null)
    : null;
}

/** Roving focus over the nodes drawn in `canvas`. */
export class NodeFocus {
  private tabbable: string | null = null;

  constructor(
    private readonly canvas: HTMLElement,
    private readonly host: NodeFocusHost,
  ) {
    canvas.addEventListener("keydown", (event) => this.onKey(event));
    canvas.addEventListener("focusin", (event) => {
      const id = nodeIdOf(event.target);
      if (id) this.setTabbable(id);
    });
  }

  /** True while a node has the keyboard focus. */
  get active(): boolean {
    const doc = this.canvas.ownerDocument;
    return doc.activeElement !== null && this.canvas.contains(doc.activeElement);
  }

  /** Makes `id` the node Tab reaches (after a redraw, or when the step moves on). */
  setTabbable(id: string | null): void {
    const target = id ?? this.host.order()[0] ?? null;
    if (this.tabbable && this.tabbable !== target) {
      this.host.node(this.tabbable)?.setAttribute("tabindex", "-1");
    }
    if (target) this.host.node(target)?.setAttribute("tabindex", "0");
    this.tabbable = target;
  }

  /** Forgets the old drawing's tab stop (the new drawing has every node at -1). */
  reset(id: string | null): void {
    this.tabbable = null;
    this.setTabbable(id);
  }

  private onKey(event: KeyboardEvent): void {
    const id = nodeIdOf(event.target);
    if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      this.host.activate(id);
      return;
    }
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault(); // the page does not scroll, and the deck leaves the key alone
    const order = this.host.order();
    const k = order.indexOf(id) + (event.key === "ArrowDown" ? 1 : -1);
    const next = order[Math.max(0, Math.min(order.length - 1, k))];
    if (!next || next === id) return;
    this.setTabbable(next);
    this.host.node(next)?.focus();
  }
}
