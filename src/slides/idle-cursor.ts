// On a projector a resting mouse pointer sits in the middle of an equation. In deck mode it
// hides after two seconds without movement and comes back as soon as the mouse moves.

const IDLE_MS = 2000;

/** Hides the pointer over the deck while the mouse rests; returns a function that stops it. */
export function hideIdleCursor(doc: Document, view: Window): () => void {
  let timer = 0;
  const rest = () => doc.body.classList.add("deck-idle");
  const wake = () => {
    doc.body.classList.remove("deck-idle");
    view.clearTimeout(timer);
    timer = view.setTimeout(rest, IDLE_MS);
  };
  doc.addEventListener("mousemove", wake);
  wake();
  return () => {
    view.clearTimeout(timer);
    doc.removeEventListener("mousemove", wake);
    doc.body.classList.remove("deck-idle");
  };
}
