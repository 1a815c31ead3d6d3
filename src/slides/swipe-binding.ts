// Listens for swipes on a touch screen and reports them as deck steps.
import { classifySwipe, type TouchPoint } from "./swipe-gesture.ts";

/** Calls `onSwipe` for each horizontal swipe on `doc`; returns a function that stops listening. */
export function bindSwipe(
  doc: Document,
  onSwipe: (direction: "next" | "prev") => void,
): () => void {
  let start: TouchPoint | null = null;
  const onStart = (event: TouchEvent) => {
    const touch = event.touches[0];
    const target = event.target instanceof Element ? event.target : null;
    // Dragging a slider or a graph is not a page turn.
    const ownsGesture = target?.closest(
      "input, textarea, select, [data-own-keys], [data-fragments] svg",
    );
    start =
      event.touches.length === 1 && touch && !ownsGesture
        ? { x: touch.clientX, y: touch.clientY, time: event.timeStamp }
        : null;
  };
  const onEnd = (event: TouchEvent) => {
    const touch = event.changedTouches[0];
    if (!start || !touch) return;
    const direction = classifySwipe(start, {
      x: touch.clientX,
      y: touch.clientY,
      time: event.timeStamp,
    });
    start = null;
    if (direction) onSwipe(direction);
  };
  const options = { passive: true } as const;
  doc.addEventListener("touchstart", onStart, options);
  doc.addEventListener("touchend", onEnd, options);
  return () => {
    doc.removeEventListener("touchstart", onStart);
    doc.removeEventListener("touchend", onEnd);
  };
}
