// The lecturer's pointer tools on a slide: a laser dot (`l`), a pen (`d`) and an eraser (`e`)
// whose strokes stay with their slide while the deck is open (`x` clears a slide), and a 2×
// zoom into a region (`z` at the pointer, or Alt+click). Marks live in slide pixels inside the
// slide's own section, so they scale with it, show in the presenter window's copy of the slide,
// and print when asked (`k`). Every change is sent to the other window, which shows the same.
import {
  eraseAt,
  type SlidePoint,
  type Stroke,
  strokePath,
  toSlidePoint,
  zoomCentre,
} from "./ink-geometry.ts";
import type { DeckTool } from "./plan-action.ts";
import type { SyncMessage } from "./sync-message.ts";

const SVG = "http://www.w3.org/2000/svg";

/** What the tools need of the deck. */
export interface DeckToolsHost {
  readonly slides: readonly HTMLElement[];
  /** The 0-based current slide. */
  readonly slide: number;
  /** True in the audience window (zoom shows there; the presenter window sends it). */
  readonly audience: boolean;
  send(message: SyncMessage): void;
}

/** The laser, pen, eraser and zoom of one deck. */
export class DeckTools {
  private current: DeckTool = "none";
  private zoomAt: SlidePoint | null = null;
  private readonly ink = new Map<HTMLElement, Stroke[]>();
  private drawing: number[] | null = null;
  private pointer: SlidePoint | null = null;
  private laser: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly host: DeckToolsHost,
  ) {}

  get tool(): DeckTool {
    return this.current;
  }

  get zoomed(): boolean {
    return this.zoomAt !== null;
  }

  /** Listens for the pointer on the current slide while `active()`; returns a stop function. */
  bind(active: () => boolean): () => void {
    const onDown = (event: PointerEvent) => {
      const at = this.pointOf(event);
      if (!at || !active()) return;
      if (this.current === "draw") {
        event.preventDefault();
        this.drawing = [at.x, at.y];
        (event.target as Element).setPointerCapture?.(event.pointerId);
        this.paint(this.sectionOf());
      } else if (this.current === "erase") {
        event.preventDefault();
        this.erase(at);
      }
    };
    const onMove = (event: PointerEvent) => {
      if (!active()) return;
      const at = this.pointOf(event);
      this.pointer = at;
      if (this.current === "laser") this.showLaser(at, true);
      if (!at) return;
      if (this.current === "draw" && this.drawing) {
        this.drawing.push(at.x, at.y);
        this.paint(this.sectionOf());
      } else if (this.current === "erase" && event.buttons === 1) {
        this.erase(at);
      }
    };
    const onUp = () => {
      const section = this.sectionOf();
      if (!this.drawing || !section) return;
      const strokes = [...(this.ink.get(section) ?? []), this.drawing];
      this.drawing = null;
      this.setInk(section, strokes, true);
    };
    const onClick = (event: MouseEvent) => {
      if (!event.altKey || !active()) return;
      const at = this.pointOf(event);
      if (!at) return;
      event.preventDefault();
      event.stopPropagation();
      this.setZoom(!this.zoomed, at);
    };
    this.doc.addEventListener("pointerdown", onDown, true);
    this.doc.addEventListener("pointermove", onMove, true);
    this.doc.addEventListener("pointerup", onUp, true);
    this.doc.addEventListener("click", onClick, true);
    return () => {
      this.doc.removeEventListener("pointerdown", onDown, true);
      this.doc.removeEventListener("pointermove", onMove, true);
      this.doc.removeEventListener("pointerup", onUp, true);
      this.doc.removeEventListener("click", onClick, true);
    };
  }

  /** Takes up `tool` ("none" puts it down). */
  setTool(tool: DeckTool): void {
    this.current = tool;
    const body = this.doc.body;
    for (const name of ["laser", "draw", "erase"]) {
      body.classList.toggle(`deck-tool-${name}`, tool === name);
    }
    if (tool !== "laser") this.showLaser(null, true);
    else if (this.pointer) this.showLaser(this.pointer, true);
  }

  /** Zooms the current slide 2× into `at` (default: the pointer, or the middle), or back out. */
  setZoom(on: boolean, at: SlidePoint | null = this.pointer, send = true): void {
    const section = this.sectionOf();
    if (!section) return;
    const size = { width: section.offsetWidth, height: section.offsetHeight };
    const centre = zoomCentre(at ?? { x: size.width / 2, y: size.height / 2 }, size);
    this.zoomAt = on ? centre : null;
    this.showZoom(section);
    if (send) this.host.send({ type: "zoom", slide: this.host.slide, ...centre, on });
  }

  /** Clears the current slide's drawing. */
  clearInk(): void {
    const section = this.sectionOf();
    if (section) this.setInk(section, [], true);
  }

  /** Prints the drawings with the slides, or not; returns whether they print now. */
  togglePrintInk(): boolean {
    return this.doc.body.classList.toggle("deck-print-ink");
  }

  /** The slide changed: zoom ends, the laser dot waits for the pointer. */
  slideChanged(): void {
    for (const section of this.host.slides) section.classList.remove("is-zoomed");
    this.zoomAt = null;
    this.showLaser(null, false);
  }

  /** Shows the other window's laser, ink or zoom. */
  apply(message: SyncMessage): void {
    const section = "slide" in message ? this.host.slides[message.slide] : undefined;
    if (!section) return;
    if (message.type === "laser") {
      this.showLaser(message.visible ? message : null, false, section);
    } else if (message.type === "ink") {
      this.setInk(
        section,
        message.strokes.map((s) => [...s]),
        false,
      );
    } else if (message.type === "zoom" && message.slide === this.host.slide) {
      this.zoomAt = message.on ? { x: message.x, y: message.y } : null;
      this.showZoom(section);
    }
  }

  /** Sends every slide's drawing (a presenter window has just opened). */
  announce(): void {
    for (const [section, strokes] of this.ink) {
      const slide = this.host.slides.indexOf(section);
      if (slide >= 0 && strokes.length > 0) this.host.send({ type: "ink", slide, strokes });
    }
  }

  /** Puts everything down and removes every mark (leaving the deck). */
  reset(): void {
    this.setTool("none");
    this.slideChanged();
    for (const section of this.ink.keys()) section.querySelector(":scope > .slide-ink")?.remove();
    this.ink.clear();
    this.laser?.remove();
    this.laser = null;
    this.doc.body.classList.remove("deck-print-ink");
  }

  private sectionOf(): HTMLElement | undefined {
    return this.host.slides[this.host.slide];
  }

  /** The pointer's place on the current slide, or null when it is not over it. */
  private pointOf(event: MouseEvent): SlidePoint | null {
    const section = this.sectionOf();
    if (!section || !(event.target instanceof Node) || !section.contains(event.target)) return null;
    const box = section.getBoundingClientRect();
    const size = { width: section.offsetWidth, height: section.offsetHeight };
    return toSlidePoint(event.clientX, event.clientY, box, size);
  }

  private erase(at: SlidePoint): void {
    const section = this.sectionOf();
    const strokes = section ? this.ink.get(section) : undefined;
    if (!section || !strokes) return;
    const left = eraseAt(strokes, at);
    if (left.length !== strokes.length) this.setInk(section, left, true);
  }

  private setInk(section: HTMLElement, strokes: Stroke[], send: boolean): void {
    this.ink.set(section, strokes);
    this.paint(section);
    const slide = this.host.slides.indexOf(section);
    if (send && slide >= 0) this.host.send({ type: "ink", slide, strokes });
  }

  /** Draws a slide's strokes (and the one being drawn) into its ink layer. */
  private paint(section: HTMLElement | undefined): void {
    if (!section) return;
    const strokes = [...(this.ink.get(section) ?? [])];
    if (this.drawing && section === this.sectionOf()) strokes.push(this.drawing);
    let layer = section.querySelector<SVGSVGElement>(":scope > .slide-ink");
    if (strokes.length === 0) {
      layer?.remove();
      return;
    }
    if (!layer) {
      layer = this.doc.createElementNS(SVG, "svg");
      layer.classList.add("slide-ink");
      layer.setAttribute("aria-hidden", "true");
      section.append(layer);
    }
    layer.setAttribute("viewBox", `0 0 ${section.offsetWidth} ${section.offsetHeight}`);
    layer.replaceChildren(
      ...strokes.map((stroke) => {
        const path = this.doc.createElementNS(SVG, "path");
        path.setAttribute("d", strokePath(stroke));
        return path;
      }),
    );
  }

  private showLaser(at: SlidePoint | null, send: boolean, section = this.sectionOf()): void {
    if (!section) return;
    if (at) {
      if (!this.laser) {
        this.laser = this.doc.createElement("div");
        this.laser.className = "deck-laser";
        this.laser.setAttribute("aria-hidden", "true");
      }
      if (this.laser.parentElement !== section) section.append(this.laser);
      this.laser.style.left = `${at.x}px`;
      this.laser.style.top = `${at.y}px`;
      this.laser.hidden = false;
    } else if (this.laser) {
      this.laser.hidden = true;
    }
    if (send) {
      const slide = this.host.slides.indexOf(section);
      if (slide >= 0)
        this.host.send({
          type: "laser",
          slide,
          x: at?.x ?? 0,
          y: at?.y ?? 0,
          visible: at !== null,
        });
    }
  }

  private showZoom(section: HTMLElement): void {
    // Only the audience's screen zooms; the presenter window keeps the whole slide in view.
    const on = this.zoomAt !== null && this.host.audience;
    section.classList.toggle("is-zoomed", on);
    if (this.zoomAt) {
      section.style.setProperty("--zoom-x", `${this.zoomAt.x}px`);
      section.style.setProperty("--zoom-y", `${this.zoomAt.y}px`);
    }
  }
}
