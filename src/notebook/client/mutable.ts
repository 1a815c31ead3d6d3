import { type ObservedGenerator, observe } from "./generators.ts";

/** A generator with a writable `.value`: other cells see each new value assigned to it. */
export type MutableValue<T> = ObservedGenerator<T> & { value: T };

/**
 * `const count = Mutable(0)` declares a reactive value; a function declared in the same cell
 * (`const increment = () => ++count.value`) can change it, and cells using `count` re-run.
 */
export function Mutable<T>(initial: T): MutableValue<T> {
  let value = initial;
  let change: (x: T) => T = (x) => x;
  const generator = observe<T>((c) => {
    change = c;
    if (value !== undefined) c(value);
  });
  return Object.defineProperty(generator, "value", {
    get: () => value,
    set: (x: T) => {
      value = x;
      change(x);
    },
  }) as MutableValue<T>;
}
