// Work the view leaves for when the browser is idle (typesetting the next equations, filling
// the text alternative), with a deadline so it still happens on a page that is never idle.

/** Runs `fn` in idle time, at the latest after `timeout` ms; returns an id for `cancelIdle`. */
export function whenIdle(fn: (deadline?: IdleDeadline) => void, timeout = 2000): number {
  return typeof requestIdleCallback === "function"
    ? requestIdleCallback(fn, { timeout })
    : (setTimeout(fn, 30) as unknown as number);
}

/** Cancels work scheduled with `whenIdle`. */
export function cancelIdle(id: number): void {
  if (typeof cancelIdleCallback === "function") cancelIdleCallback(id);
  else clearTimeout(id);
}
