// Better than a picture of the slide: when the lecturer drags a slider or presses a button on a
// slide in one window (say, the presenter view on the laptop), the same control on the same
// slide in the other window (the projector) does the same, so the live cell there follows.
// Controls are matched by their position on the slide: both windows run the same page.
import type { SyncMessage } from "./sync-message.ts";

const FIELDS = "input, select, textarea";

/** Mirrors slide controls between windows. */
export class SlideMirror {
  /** True while a remote change is being applied, so it is not sent back. */
  private applying = false;

  constructor(
    private readonly slides: readonly HTMLElement[],
    private readonly send: (message: SyncMessage) => void,
  ) {}

  /** Starts sending this window's changes while `active()` holds; returns a stop function. */
  bind(doc: Document, active: () => boolean): () => void {
    const onInput = (event: Event) => {
      const found = this.locate(event.target, FIELDS);
      if (!found || this.applying || !active()) return;
      const field = found.element as HTMLInputElement;
      this.send({
        type: "control",
        slide: found.slide,
        control: found.control,
        value: field.value,
        checked: field.checked === true,
      });
    };
    const onClick = (event: Event) => {
      const found = this.locate(event.target, "button");
      if (!found || this.applying || !active()) return;
      this.send({ type: "press", slide: found.slide, control: found.control });
    };
    doc.addEventListener("input", onInput, true);
    doc.addEventListener("click", onClick, true);
    return () => {
      doc.removeEventListener("input", onInput, true);
      doc.removeEventListener("click", onClick, true);
    };
  }

  /** Applies a "control" or "press" message from the other window. */
  apply(message: SyncMessage): void {
    if (message.type !== "control" && message.type !== "press") return;
    const selector = message.type === "control" ? FIELDS : "button";
    const element = this.slides[message.slide]?.querySelectorAll(selector)[message.control];
    if (!element) return;
    this.applying = true;
    try {
      if (message.type === "press") {
        (element as HTMLButtonElement).click();
      } else {
        const field = element as HTMLInputElement;
        field.value = message.value;
        if (field.type === "checkbox" || field.type === "radio") field.checked = message.checked;
        // Cells (Observable Inputs) listen for these, exactly as for a person's change.
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }
    } finally {
      this.applying = false;
    }
  }

  /** The slide and control index of `target` (or its `selector` ancestor), if on a slide. */
  private locate(target: EventTarget | null, selector: string) {
    const element = target instanceof Element ? target.closest(selector) : null;
    if (!element) return null;
    const slide = this.slides.findIndex((s) => s.contains(element));
    if (slide === -1) return null;
    const control = Array.from(this.slides[slide]?.querySelectorAll(selector) ?? []).indexOf(
      element,
    );
    return { element, slide, control };
  }
}
