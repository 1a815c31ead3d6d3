// What every optimiser shares: parameter groups (each with its own learning rate and
// hyper-parameters, as torch.optim's param_groups), per-parameter state, and zeroGrad. Updates
// write straight into each parameter's Float64Array, the way PyTorch's `p.add_(…)` runs under
// no_grad: nothing is recorded. Each step bumps the parameter's version, so a graph recorded
// before it is refused by backward. Hyper-parameters are checked when built and again at each
// step, so `optimizer.lr = NaN` is caught before it reaches a weight.
import { bumpVersion, describeValue, Tensor } from "../tensor/index.ts";

/** A group as given: its tensors, and any hyper-parameters that differ from the defaults. */
export type ParamGroupOptions<H> = { params: Iterable<Tensor> } & Partial<H> & { lr?: number };

/** A group as the optimiser holds it: its tensors and every hyper-parameter, lr included. */
export type ParamGroup<H> = H & {
  params: Tensor[];
  lr: number;
  /** The group's learning rate when it was added (schedulers start from it). */
  initialLr: number;
};

/** Base class of every optimiser; `step()` applies one update from the current `.grad`s. */
export abstract class Optimizer<H extends object = object> {
  /** The groups of parameters, each with its hyper-parameters (change them between steps). */
  readonly paramGroups: ParamGroup<H>[] = [];
  private readonly states = new Map<Tensor, unknown>();

  constructor(
    readonly name: string,
    params: Iterable<Tensor> | Iterable<ParamGroupOptions<H>>,
    private readonly defaults: H & { lr: number },
  ) {
    if (params === null || typeof (params as Iterable<Tensor>)?.[Symbol.iterator] !== "function") {
      throw new Error(
        `optim.${name}: expected the parameters as a list of tensors (model.parameters()) or of groups ({ params, lr }), found ${describeValue(params)}`,
      );
    }
    const list = [...params];
    if (list.length === 0)
      throw new Error(`optim.${name}: got no parameters; pass model.parameters()`);
    const grouped = list.every(
      (g) => !(g instanceof Tensor) && typeof g === "object" && g !== null && "params" in g,
    );
    if (grouped) for (const g of list as ParamGroupOptions<H>[]) this.addParamGroup(g);
    else this.addParamGroup({ params: list as Tensor[] } as unknown as ParamGroupOptions<H>);
  }

  /** Adds a group of parameters with hyper-parameters of its own (the rest from the defaults). */
  addParamGroup(group: ParamGroupOptions<H>): void {
    const k = this.paramGroups.length;
    const where = k > 0 ? ` in param group ${k}` : "";
    const iterable = group?.params as unknown as { [Symbol.iterator]?: unknown } | undefined;
    if (typeof iterable?.[Symbol.iterator] !== "function") {
      throw new Error(
        `optim.${this.name}: a param group needs its tensors as { params: [...] }, found ${describeValue(group?.params)}`,
      );
    }
    const params = [...group.params];
    if (params.length === 0)
      throw new Error(`optim.${this.name}: param group ${k} has no parameters`);
    for (const [i, p] of params.entries()) {
      if (!(p instanceof Tensor)) {
        throw new Error(
          `optim.${this.name}: parameter #${i}${where} is ${describeValue(p)}, expected a tensor created with { requiresGrad: true }`,
        );
      }
      if (!p.requiresGrad) {
        throw new Error(
          `optim.${this.name}: parameter ${p.name ? `"${p.name}"` : `#${i}`} does not require grad; create it with { requiresGrad: true }`,
        );
      }
      if (this.paramGroups.some((g) => g.params.includes(p))) {
        throw new Error(`optim.${this.name}: parameter #${i}${where} is already in another group`);
      }
    }
    const given = Object.entries(group).filter(([, v]) => v !== undefined);
    const full = { ...this.defaults, ...Object.fromEntries(given), params } as ParamGroup<H>;
    full.initialLr = full.lr;
    this.checkGroup(full, k);
    this.paramGroups.push(full);
  }

  /** Every parameter of every group, in order. */
  get params(): Tensor[] {
    return this.paramGroups.flatMap((g) => g.params);
  }

  /** The learning rate of the first group; setting it sets every group's. */
  get lr(): number {
    return this.paramGroups[0].lr;
  }

  set lr(value: number) {
    for (const g of this.paramGroups) g.lr = value;
  }

  /** The first group's learning rate when it was added. */
  get initialLr(): number {
    return this.paramGroups[0].initialLr;
  }

  /** Applies one update to every parameter that has a gradient (others are left alone). */
  step(): void {
    for (const [k, group] of this.paramGroups.entries()) {
      this.checkGroup(group, k);
      for (const p of group.params) {
        if (p.grad === null) continue;
        this.update(p, p.grad.data, group);
        bumpVersion(p); // an in-place write: graphs recorded before the step are now stale
      }
    }
  }

  /** Writes one parameter's update from its gradient `g`, with its group's hyper-parameters. */
  protected abstract update(p: Tensor, g: Float64Array, group: ParamGroup<H>): void;

  /** Throws naming the first hyper-parameter of `group` out of its range. */
  protected abstract checkHyperParameters(group: ParamGroup<H>): void;

  /** The optimiser's state for `p` (momentum buffers, running averages), made on first use. */
  protected stateOf<S>(p: Tensor, make: () => S): S {
    let s = this.states.get(p) as S | undefined;
    if (s === undefined) {
      s = make();
      this.states.set(p, s);
    }
    return s;
  }

  private checkGroup(group: ParamGroup<H>, k: number): void {
    try {
      checkRange(this.name, "lr", group.lr, 0, Infinity);
      this.checkHyperParameters(group);
    } catch (error) {
      const message = (error as Error).message;
      const grouped = k > 0 || this.paramGroups.length > 1;
      throw new Error(grouped ? `${message} (param group ${k})` : message);
    }
  }

  /** Forgets every parameter's gradient (sets `.grad` to null, PyTorch's default). */
  zeroGrad(): void {
    for (const p of this.params) p.grad = null;
  }
}

/** Checks a hyper-parameter lies in [lo, hi) and names the optimiser when it does not. */
export function checkRange(
  optimizer: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
): number {
  if (typeof value !== "number" || !(value >= lo && value < hi)) {
    const range = hi === Infinity ? `a number ≥ ${lo}` : `in [${lo}, ${hi})`;
    throw new Error(
      `optim.${optimizer}: ${name} must be ${range}, found ${typeof value === "number" ? value : describeValue(value)}`,
    );
  }
  return value;
}
