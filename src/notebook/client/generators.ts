// Generators for cells: values that change over time, one per animation frame at most
// (the runtime pulls the next value once per frame). Same names and behaviour as Observable's.

/** An async-iterator-like object the runtime treats as a generator. */
export interface ObservedGenerator<T> {
  next(): { done: false; value: Promise<T> };
  return(): { done: true; value: undefined };
  throw(): { done: true; value: undefined };
  [Symbol.iterator](): ObservedGenerator<T>;
}

/**
 * Turns a callback source into a generator: `initialize(change)` calls `change(value)` whenever
 * there is a new value and may return a dispose function, called when the cell is invalidated.
 */
export function observe<T>(
  // biome-ignore lint/suspicious/noConfusingVoidType: as Observable's: a callback that returns nothing, or a dispose function
  initialize: (change: (value: T) => T) => void | (() => void),
): ObservedGenerator<T> {
  let stale = false;
  let value: T;
  let resolve: ((value: T) => void) | null = null;
  const change = (x: T): T => {
    if (resolve) {
      resolve(x);
      resolve = null;
    } else {
      stale = true;
    }
    value = x;
    return x;
  };
  const dispose = initialize(change);
  const generator: ObservedGenerator<T> = {
    next() {
      if (stale) {
        stale = false;
        return { done: false, value: Promise.resolve(value) };
      }
      return { done: false, value: new Promise<T>((y) => (resolve = y)) };
    },
    return() {
      if (typeof dispose === "function") dispose();
      return { done: true, value: undefined };
    },
    throw() {
      return generator.return();
    },
    [Symbol.iterator]: () => generator,
  };
  return generator;
}

/** The current value of an input element and, after each `input` event, the new one. */
export function input<T = unknown>(element: Element): ObservedGenerator<T> {
  return observe<T>((change) => {
    const read = (): T => currentValue(element) as T;
    const inputted = (): void => void change(read());
    const event =
      element instanceof HTMLSelectElement ||
      (element instanceof HTMLInputElement && /^(checkbox|radio|file)$/.test(element.type))
        ? "change"
        : "input";
    element.addEventListener(event, inputted);
    if (event !== "input") element.addEventListener("input", inputted);
    const first = read();
    if (first !== undefined) change(first);
    return () => {
      element.removeEventListener(event, inputted);
      element.removeEventListener("input", inputted);
    };
  });
}

function currentValue(element: Element): unknown {
  if (element instanceof HTMLInputElement) {
    if (element.type === "checkbox") return element.checked;
    if (element.type === "number" || element.type === "range") return element.valueAsNumber;
  }
  return (element as unknown as { value?: unknown }).value;
}

/** Every value passed to `change`, none lost (unlike `observe`, which keeps only the latest). */
export function queue<T>(
  // biome-ignore lint/suspicious/noConfusingVoidType: as Observable's: a callback that returns nothing, or a dispose function
  initialize: (change: (value: T) => T) => void | (() => void),
): ObservedGenerator<T> {
  const values: T[] = [];
  let resolve: ((value: T) => void) | null = null;
  const gen = observe<T>(() => undefined);
  const dispose = initialize((x) => {
    if (resolve) {
      resolve(x);
      resolve = null;
    } else values.push(x);
    return x;
  });
  gen.next = () => ({
    done: false,
    value: values.length
      ? Promise.resolve(values.shift() as T)
      : new Promise<T>((y) => (resolve = y)),
  });
  gen.return = () => {
    if (typeof dispose === "function") dispose();
    return { done: true, value: undefined };
  };
  return gen;
}

/** `performance.now()`, once per animation frame, for as long as a cell uses it. */
export function* now(): Generator<number> {
  while (true) yield performance.now();
}

/** The width of the reading column in pixels, updated when it changes. */
export function width(
  target: Element | null = document.querySelector("main article") ?? document.body,
): ObservedGenerator<number> {
  return observe<number>((change) => {
    if (!target) return;
    let last = -1;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.floor(entry.contentRect.width);
      if (w === last) return;
      last = w;
      change(w);
    });
    observer.observe(target);
    return () => observer.disconnect();
  });
}

/** The Generators namespace cells see. */
export const Generators = { observe, input, queue, now, width };
