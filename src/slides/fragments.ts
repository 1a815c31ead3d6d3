// The fragment protocol: before the deck leaves a slide, each element of that slide carrying
// `data-fragments` (a backprop stepper, say) may take the step instead, by calling
// preventDefault() on a cancelable `fragment-next` / `fragment-prev` event.

/**
 * Offers one step to the fragment elements of `slide`, in document order, and stops at the
 * first that consumes it. Returns true when one did (the deck must stay on this slide).
 */
export function offerFragmentStep(slide: Element, direction: "next" | "prev"): boolean {
  for (const element of slide.querySelectorAll("[data-fragments]")) {
    const event = new CustomEvent(`fragment-${direction}`, { bubbles: false, cancelable: true });
    if (!element.dispatchEvent(event)) return true;
  }
  return false;
}
