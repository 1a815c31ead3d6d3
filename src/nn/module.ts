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

/** Base class of every layer and network. Subclasses implement `forward`. */
export abstract class Module {
  /** True in training mode (dropout active), false after `eval()`. */
  training = true;
  private readonly ownParameters = new Map<string, Tensor>();
  private readonly children = new Map<string, Module>();
  private readonly ownBuffers = new Map<string, Tensor>();

  /**
   * Computes the module's output; `module.call(x)` is the same. The built-in layers take a
   * tensor, a number or nested arrays, as every op does.
   */
  abstract forward(x: TensorLike): Tensor;

  /** Same as `forward(x)`, the way PyTorch lets you write `model(x)`. */
  call(x: TensorLike): Tensor {
    return this.forward(x);
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
  protected registerModule<M extends Module>(name: string, module: M): M {
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
  namedModules(): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    const visit = (module: Module, path: string): void => {
      if (seen.has(module)) return;
      seen.add(module);
      out.push([path, module]);
      for (const [name, child] of module.children) visit(child, path ? `${path}.${name}` : name);
    };
    visit(this, "");
    return out;
  }

  /** This module and every module inside it, outermost first (PyTorch's `modules()`). */
  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  /**
   * Calls `fn` on every sub-module, innermost first, then on this one — e.g. to initialise
   * every Linear layer: `model.apply((m) => { if (m instanceof nn.Linear) nn.init.zeros(m.bias) })`.
   */
  apply(fn: (module: Module) => void): this {
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
  namedChildren(): [string, Module][] {
    return [...this.children];
  }

  /**
   * Every parameter with its dotted path ("0.weight", "1.bias"), own parameters first, then
   * each child's in registration order; a tensor shared by two layers is listed once.
   */
  namedParameters(): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    const seen = new Set<Tensor>();
    const visit = (module: Module, prefix: string): void => {
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
