// nn.Module: a layer or a whole network, holding parameters and sub-modules by name, as in
// PyTorch. TypeScript has no __setattr__ hook, so a module registers what it owns explicitly
// (`this.registerParameter("weight", W)`, `this.registerModule("0", layer)`).
import type { Tensor, TensorLike } from "../tensor/index.ts";
import {
  type LoadStateDictOptions,
  loadStateDict,
  type StateDict,
  stateDict,
} from "./state-dict.ts";

/** Any module, whatever its forward takes (a layer one input; a loss an input and a target). */
// biome-ignore lint/suspicious/noExplicitAny: the arguments of forward differ between modules
export type AnyModule = Module<any[]>;

/**
 * Base class of every layer, network and loss. Subclasses implement `forward`; `In` is what it
 * takes (one tensor for a layer; a loss takes a prediction and a target).
 */
export abstract class Module<In extends unknown[] = [x: TensorLike]> {
  /** True in training mode (dropout active), false after `eval()`. */
  training = true;
  private readonly ownParameters = new Map<string, Tensor>();
  private readonly children = new Map<string, AnyModule>();
  private readonly ownBuffers = new Map<string, Tensor>();

  /**
   * Computes the module's output; `module.call(x)` is the same. The built-in layers take a
   * tensor, a number or nested arrays, as every op does.
   */
  abstract forward(...input: In): Tensor;

  /** Same as `forward(x)`, the way PyTorch lets you write `model(x)`. */
  call(...input: In): Tensor {
    return this.forward(...input);
  }

  /**
   * The name the module prints as ("Linear", "Sequential"). Each built-in module states its
   * own, since a minified bundle renames classes; a module of your own prints its class name.
   */
  get typeName(): string {
    return this.constructor.name || "Module";
  }

  /** The settings printed inside its parentheses, `inFeatures=2, outFeatures=3, bias=true`. */
  extraRepr(): string {
    return "";
  }

  /**
   * The module as PyTorch prints one: its name and settings, then each child on its own line
   * under its name, indented — `Sequential(\n  (0): Linear(inFeatures=2, …)\n  (1): Tanh()\n)`.
   */
  toString(): string {
    const extra = this.extraRepr();
    if (this.children.size === 0) return `${this.typeName}(${extra})`;
    const lines = [...this.children].map(
      ([name, child]) => `(${name}): ${String(child).split("\n").join("\n  ")}`,
    );
    if (extra) lines.unshift(extra);
    return `${this.typeName}(\n  ${lines.join("\n  ")}\n)`;
  }

  /** Makes `tensor` a parameter of this module under `name` (it must require grad). */
  protected registerParameter(name: string, tensor: Tensor): Tensor {
    if (!tensor.requiresGrad) {
      throw new Error(`Module: parameter "${name}" must be created with { requiresGrad: true }`);
    }
    this.ownParameters.set(name, tensor);
    return tensor;
  }

  /** Makes `module` a child of this one under `name`; its parameters become ours too. */
  protected registerModule<M extends AnyModule>(name: string, module: M): M {
    this.children.set(name, module);
    return module;
  }

  /**
   * Makes `tensor` state of this module that is not trained but saved with it (BatchNorm's
   * running mean and variance): it appears in `stateDict()`, not in `parameters()`.
   */
  protected registerBuffer(name: string, tensor: Tensor): Tensor {
    this.ownBuffers.set(name, tensor);
    return tensor;
  }

  /** Every buffer with its dotted path, in the order of `namedParameters`. */
  namedBuffers(): [string, Tensor][] {
    return this.namedModules().flatMap(([prefix, m]) =>
      [...m.ownBuffers].map(([name, b]): [string, Tensor] => [
        prefix ? `${prefix}.${name}` : name,
        b,
      ]),
    );
  }

  /** This module and every module inside it, with its dotted path ("" for this one). */
  namedModules(): [string, AnyModule][] {
    const out: [string, AnyModule][] = [];
    const seen = new Set<AnyModule>();
    const visit = (module: AnyModule, path: string): void => {
      if (seen.has(module)) return;
      seen.add(module);
      out.push([path, module]);
      for (const [name, child] of module.children) visit(child, path ? `${path}.${name}` : name);
    };
    visit(this, "");
    return out;
  }

  /** This module and every module inside it, outermost first (PyTorch's `modules()`). */
  modules(): AnyModule[] {
    return this.namedModules().map(([, m]) => m);
  }

  /**
   * Calls `fn` on every sub-module, innermost first, then on this one — e.g. to initialise
   * every Linear layer: `model.apply((m) => { if (m instanceof nn.Linear) nn.init.zeros(m.bias) })`.
   */
  apply(fn: (module: AnyModule) => void): this {
    if (typeof fn !== "function") {
      throw new Error(`Module.apply: expected a function of a module, found ${typeof fn}`);
    }
    for (const child of this.children.values()) child.apply(fn);
    fn(this);
    return this;
  }

  /**
   * A snapshot of every parameter and buffer by dotted path ("0.weight", "1.runningMean"):
   * copies, so training on does not change it. Save it, or give it to `loadStateDict`.
   */
  stateDict(): StateDict {
    return stateDict(this);
  }

  /**
   * Copies the values of `state` (from `stateDict()`, or its JSON) into this module's
   * parameters and buffers; every name must be known and every shape must match.
   */
  loadStateDict(
    state: StateDict | Record<string, unknown>,
    options: LoadStateDictOptions = {},
  ): this {
    loadStateDict(this, state, options);
    return this;
  }

  /** Child modules with the names they were registered under. */
  namedChildren(): [string, AnyModule][] {
    return [...this.children];
  }

  /**
   * Every parameter with its dotted path ("0.weight", "1.bias"), own parameters first, then
   * each child's in registration order; a tensor shared by two layers is listed once.
   */
  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    const seen = new Set<Tensor>();
    const visit = (module: AnyModule, prefix: string): void => {
      for (const [name, p] of module.ownParameters) {
        if (seen.has(p)) continue;
        seen.add(p);
        out.push([prefix + name, p]);
      }
      for (const [name, child] of module.children) visit(child, `${prefix}${name}.`);
    };
    visit(this, "");
    return out;
  }

  /** Every parameter, for an optimiser: `new optim.SGD(model.parameters(), { lr })`. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Total number of trainable numbers (a 1-3-1 MLP has 10). */
  numParameters(): number {
    let n = 0;
    for (const p of this.parameters()) n += p.data.length;
    return n;
  }

  /** Forgets every parameter's gradient (`.grad = null`, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = null;
  }

  /** Switches this module and all children to training mode (or to eval with `false`). */
  train(mode = true): this {
    this.training = mode;
    for (const child of this.children.values()) child.train(mode);
    return this;
  }

  /** Switches to evaluation mode: dropout passes everything through. */
  eval(): this {
    return this.train(false);
  }
}
