// Typings for the Observable packages this client uses (they ship none).
declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export interface Variable {
    define(name: string | null, inputs: readonly string[], definition: unknown): Variable;
    define(inputs: readonly string[], definition: unknown): Variable;
    delete(): void;
  }
  export interface Module {
    variable(
      observer?: Observer | boolean,
      options?: { shadow?: Record<string, unknown> },
    ): Variable;
    define(name: string, inputs: readonly string[], definition: unknown): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    input?: string;
  }
}

declare module "@observablehq/inputs" {
  // Inputs builds form elements from loose option bags; cells use it untyped, as in Observable.
  const Inputs: Record<string, (...args: unknown[]) => HTMLElement>;
  export = Inputs;
}
