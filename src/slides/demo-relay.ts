// One run on both screens: the audience window trains a slide's live demo and reports its state
// after every frame; this relay sends the report to the presenter window, where the same demo on
// the same slide shows it instead of training a copy of its own (which would drift apart).
// Demos are matched by their position on the slide: both windows run the same page.
import {
  DEMO_ATTRIBUTE,
  DEMO_MIRROR,
  DEMO_REPORT,
  DEMO_STATE,
  type DemoSnapshot,
} from "../demo/index.ts";
import type { SyncMessage } from "./sync-message.ts";

const DEMOS = `[${DEMO_ATTRIBUTE}]`;

/** Relays live demos' state between windows. */
export class DemoRelay {
  constructor(
    private readonly slides: readonly HTMLElement[],
    private readonly send: (message: SyncMessage) => void,
  ) {}

  /** Sends this window's demo reports while `active()` holds; returns a stop function. */
  bind(doc: Document, active: () => boolean): () => void {
    const onState = (event: Event) => {
      const element = event.target instanceof Element ? event.target.closest(DEMOS) : null;
      if (!element || !active()) return;
      const slide = this.slides.findIndex((s) => s.contains(element));
      if (slide === -1) return;
      const demo = Array.from(this.slides[slide]?.querySelectorAll(DEMOS) ?? []).indexOf(element);
      const snapshot = (event as CustomEvent<DemoSnapshot>).detail;
      this.send({ type: "demo", slide, demo, snapshot });
    };
    doc.addEventListener(DEMO_STATE, onState);
    return () => doc.removeEventListener(DEMO_STATE, onState);
  }

  /** Asks every demo on the slides to report where it stands (a presenter window just opened). */
  requestReports(): void {
    for (const slide of this.slides) {
      for (const element of slide.querySelectorAll(DEMOS)) {
        element.dispatchEvent(new CustomEvent(DEMO_REPORT));
      }
    }
  }

  /** Shows the other window's report on the matching demo here. */
  apply(message: SyncMessage): void {
    if (message.type !== "demo") return;
    const element = this.slides[message.slide]?.querySelectorAll(DEMOS)[message.demo];
    element?.dispatchEvent(new CustomEvent(DEMO_MIRROR, { detail: message.snapshot }));
  }
}
