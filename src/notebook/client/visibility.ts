/**
 * The `visibility` built-in for one cell: `await visibility()` resolves once the cell's element
 * scrolls into view. When it has to wait, `onWaiting` is called, so a cell parked below the
 * fold counts as settled (it waits for the reader, not for the page). `cancel()` drops the
 * waits of a run that was replaced by a newer one.
 */
export function createVisibility(
  node: Element,
  onWaiting: () => void,
): { visibility: <T>(value?: T) => Promise<T | undefined>; cancel(): void } {
  const observers = new Set<IntersectionObserver>();
  const visibility = <T>(value?: T): Promise<T | undefined> =>
    new Promise((resolve) => {
      if (typeof IntersectionObserver !== "function") return resolve(value);
      let first = true;
      const observer = new IntersectionObserver(([entry]) => {
        if (entry?.isIntersecting) {
          observer.disconnect();
          observers.delete(observer);
          resolve(value);
        } else if (first) onWaiting();
        first = false;
      });
      observers.add(observer);
      observer.observe(node);
    });
  return {
    visibility,
    cancel() {
      for (const observer of observers) observer.disconnect();
      observers.clear();
    },
  };
}
