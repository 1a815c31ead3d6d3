// Reverse mode. `topologicalOrder` lists the graph below a result, inputs before outputs;
// `backward` walks it in reverse, and at each node hands ∂L/∂out to the node's vjp for each
// input in argument order, summing what arrives at a tensor used several times.
import { describeValue } from "./arguments.ts";
import { enableGrad, isAnomalyEnabled, noGrad } from "./grad-mode.ts";
import { checkFinite, OpNode, type TensorLike, toTensor } from "./op.ts";
import { add } from "./ops/index.ts";
import { formatShape, sameShape } from "./shape.ts";
import { allocate, release } from "./storage.ts";
import { Tensor } from "./tensor.ts";

// Each traversal stamps the tensors it has seen with a fresh number, so no Set is allocated.
let traversal = 0;

/**
 * Every tensor the result depends on through recorded ops, each once, inputs before outputs:
 * a depth-first walk over `gradFn.inputs` in argument order, listing a tensor after its inputs.
 */
export function topologicalOrder(root: Tensor): Tensor[] {
  const stamp = ++traversal;
  const order: Tensor[] = [];
  const stack: Tensor[] = [root];
  const next: number[] = [0];
  root._visit = stamp;
  while (stack.length > 0) {
    const top = stack.length - 1;
    const t = stack[top];
    const inputs = t.gradFn?.inputs;
    const i = next[top];
    if (inputs !== undefined && i < inputs.length) {
      next[top] = i + 1;
      const child = inputs[i];
      if (child._visit !== stamp) {
        child._visit = stamp;
        stack.push(child);
        next.push(0);
      }
    } else {
      order.push(t);
      stack.pop();
      next.pop();
    }
  }
  return order;
}

/**
 * Adds `v` into the running gradient of `t` for this backward pass. `fresh` says v's storage
 * belongs to nobody else; otherwise (a vjp that passed ∂L/∂out through, or a view of it) it is
 * copied before anything is added to it. Fresh storage that has been added in is recycled.
 */
function accumulate(t: Tensor, v: Tensor, fresh: boolean): void {
  const acc = t._acc;
  if (acc === null) {
    t._acc = v;
    t._accOwned = fresh;
    return;
  }
  let A = acc.data;
  if (!t._accOwned) {
    A = allocate(A.length);
    A.set(acc.data);
    t._acc = new Tensor(A, t.shape);
    t._accOwned = true;
  }
  const V = v.data;
  for (let k = 0; k < A.length; k++) A[k] += V[k];
  if (fresh) release(V);
}

/**
 * Adds this pass's gradient into `t.grad` (a leaf's, or a retained intermediate's). `done`
 * says nothing reads `acc` afterwards (a leaf), so its storage may be recycled.
 */
function storeGrad(t: Tensor, acc: Tensor, owned: boolean, done: boolean): void {
  if (t.grad === null) {
    if (owned) t.grad = acc;
    else {
      const copy = allocate(acc.data.length);
      copy.set(acc.data);
      t.grad = new Tensor(copy, t.shape);
    }
    return;
  }
  const G = t.grad.data;
  const A = acc.data;
  for (let k = 0; k < G.length; k++) G[k] += A[k];
  t.grad._bumpVersion(); // accumulating is an in-place write into .grad, as in PyTorch
  if (owned && done) release(A);
}

/** Options of `backward` (and of `autograd.grad`). */
export interface BackwardOptions {
  /**
   * Keep the graph usable for another backward through it (default false, as PyTorch: a graph
   * is used up by its backward, and a second one through it is refused).
   */
  retainGraph?: boolean;
  /**
   * Record the backward pass itself, so the gradients it gives can be differentiated again
   * (Hessian-vector products, a Newton step, gradient penalties). Default false. Implies
   * retainGraph unless that is given.
   */
  createGraph?: boolean;
}

/** The message for a second backward through a graph the first one used up. */
export function usedGraphMessage(op: string): string {
  return (
    `backward: trying to go backward through the graph a second time (at "${op}"), but the ` +
    "first backward() used it up. Run the forward pass again before each backward() (in a " +
    "training loop, compute the loss inside the loop), or, to go through the same graph twice " +
    "on purpose, keep it the first time: loss.backward({ retainGraph: true }). Gradients add " +
    "up in .grad across calls, so zero them in between if you do not want the sum."
  );
}

/** A checked seed ∂L/∂root: ones for a scalar, else `gradient` with root's shape. */
function seedOf(op: string, root: Tensor, gradient: TensorLike | undefined): Tensor {
  if (gradient === undefined) {
    if (root.data.length !== 1) {
      throw new Error(
        `${op}: called without a gradient on a tensor of shape ${formatShape(root.shape)} — ` +
          "only a scalar can start backward on its own; reduce it first (sum, mean) or pass " +
          "a gradient of the same shape, e.g. y.backward(ones(y.shape))",
      );
    }
    return new Tensor(new Float64Array([1]), root.shape);
  }
  const seed = toTensor(gradient, op, "the gradient");
  if (!sameShape(seed.shape, root.shape) && !(seed.data.length === 1 && root.data.length === 1)) {
    throw new Error(
      `${op}: the gradient has shape ${formatShape(seed.shape)} but the tensor has shape ${formatShape(root.shape)}; they must match`,
    );
  }
  return sameShape(seed.shape, root.shape) ? seed : reshapeSeed(seed, root.shape);
}

function reshapeSeed(seed: Tensor, shape: readonly number[]): Tensor {
  return seed.gradFn === null ? new Tensor(seed.data, shape) : seed.reshape([...shape]);
}

/**
 * Computes ∂root/∂t for every tensor t that requires grad and adds it to `t.grad` (leaves and
 * tensors that called `retainGrad()`). `gradient` is ∂L/∂root; it may be omitted for a scalar.
 */
export function backward(root: Tensor, gradient?: TensorLike, options: BackwardOptions = {}): void {
  if (!root.requiresGrad) {
    throw new Error(
      "backward: this tensor does not require grad, so there is nothing to differentiate — " +
        "create the inputs with { requiresGrad: true } (and not inside noGrad)",
    );
  }
  const { createGraph, retainGraph } = checkBackwardOptions("backward", options);
  const seed = seedOf("backward", root, gradient);
  const order = topologicalOrder(root);
  if (createGraph) {
    enableGrad(() => runBackwardGraph(order, seed, null, retainGraph));
    return;
  }
  const anomaly = isAnomalyEnabled();
  try {
    noGrad(() => runBackward(order, seed, anomaly, retainGraph, null));
  } finally {
    for (const t of order) t._acc = null; // nothing of this pass stays on the tensors
  }
}

/** Checks an options bag of backward or autograd.grad; retainGraph defaults to createGraph. */
export function checkBackwardOptions(
  op: string,
  options: unknown,
): { createGraph: boolean; retainGraph: boolean } {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new Error(
      `${op}: expected options such as { retainGraph: true }, found ${describeValue(options)}`,
    );
  }
  const o = options as BackwardOptions;
  for (const key of Object.keys(o)) {
    if (key !== "retainGraph" && key !== "createGraph" && key !== "allowUnused") {
      throw new Error(
        `${op}: unknown option "${key}" — the options are retainGraph and createGraph`,
      );
    }
  }
  for (const key of ["retainGraph", "createGraph"] as const) {
    if (o[key] !== undefined && typeof o[key] !== "boolean") {
      throw new Error(`${op}: ${key} must be true or false, found ${describeValue(o[key])}`);
    }
  }
  const createGraph = o.createGraph === true;
  return { createGraph, retainGraph: o.retainGraph ?? createGraph };
}

function sharesInput(v: Tensor, inputs: readonly Tensor[]): boolean {
  for (let i = 0; i < inputs.length; i++) if (inputs[i].data === v.data) return true;
  return false;
}

/**
 * The tensors whose complete gradients `autograd.grad` asks for: each maps to its gradient once
 * the pass reaches it (null until then). When a pass captures, it writes no `.grad` at all.
 */
export type Capture = Map<Tensor, Tensor | null>;

/** Runs t's hooks on its complete gradient g; returns g or what a hook put in its place. */
function runHooks(t: Tensor, g: Tensor): Tensor {
  let current = g;
  for (const hook of t._hooks ?? []) {
    const seen = new Tensor(current.data.slice(), t.shape);
    const r = hook(seen);
    if (r === undefined || r === null) continue;
    if (!(r instanceof Tensor) || !sameShape(r.shape, t.shape)) {
      throw new Error(
        `registerHook: a hook must return nothing or a Tensor of the gradient's shape ${formatShape(t.shape)}, ` +
          `found ${r instanceof Tensor ? `a Tensor of shape ${formatShape(r.shape)}` : describeValue(r)}`,
      );
    }
    current = r;
  }
  return current;
}

function runBackward(
  order: readonly Tensor[],
  seed: Tensor,
  anomaly: boolean,
  retain: boolean,
  capture: Capture | null,
): void {
  const root = order[order.length - 1];
  root._acc = seed;
  root._accOwned = false;
  for (let q = order.length - 1; q >= 0; q--) {
    const t = order[q];
    let g = t._acc;
    if (g === null) continue;
    let owned = t._accOwned;
    t._acc = null;
    if (t._hooks !== null) {
      const h = runHooks(t, g);
      if (h !== g) {
        g = h;
        owned = false;
      }
    }
    if (capture?.has(t)) {
      capture.set(t, new Tensor(g.data.slice(), t.shape));
      owned = false;
    }
    const node = t.gradFn;
    if (node === null) {
      if (t.requiresGrad && capture === null) storeGrad(t, g, owned, true);
      continue;
    }
    const retained = t._retainsGrad && capture === null;
    if (retained) storeGrad(t, g, owned, false); // g still flows to the inputs
    const inputs = node.inputs;
    if (node instanceof OpNode) {
      if (node._used) throw new Error(usedGraphMessage(node.op));
      node.checkSavedVersions();
      if (!retain) node._used = true;
    }
    let passedOn = false; // some input's gradient is g's own storage
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      if (!input.requiresGrad) continue;
      const v = node.vjp(i, g);
      if (anomaly) checkFinite(`${node.op} backward`, [g, ...inputs], v, "backward");
      const shared = v.data === g.data;
      passedOn ||= shared;
      accumulate(input, v, !shared && !sharesInput(v, inputs));
    }
    // Nobody else holds g's storage now: an intermediate gradient, used up.
    if (owned && !retained && !passedOn) release(g.data);
  }
}

/**
 * Reverse mode recorded as a graph of its own (createGraph): each vjp is built from
 * differentiable ops (the rule's `vjpGraph`), gradients are summed with `add`, and nothing is
 * recycled, since the recorded ops keep what they read.
 */
export function runBackwardGraph(
  order: readonly Tensor[],
  seed: Tensor,
  capture: Capture | null,
  retain: boolean,
): void {
  const grads = new Map<Tensor, Tensor>();
  grads.set(order[order.length - 1], seed);
  for (let q = order.length - 1; q >= 0; q--) {
    const t = order[q];
    let g = grads.get(t);
    if (g === undefined) continue;
    grads.delete(t);
    if (t._hooks !== null) g = runHooks(t, g);
    if (capture?.has(t)) capture.set(t, g);
    const node = t.gradFn;
    if (capture === null && t.requiresGrad && (node === null || t._retainsGrad)) {
      t.grad = t.grad === null ? g : add(t.grad, g);
    }
    if (node === null) continue;
    if (!(node instanceof OpNode) || node.rule.vjpGraph === undefined) {
      throw new Error(
        `backward: createGraph cannot go through "${node.op}" yet — its backward is not built ` +
          "from differentiable ops; compute this part without createGraph, or use gradcheck " +
          "(central differences) for the second derivative",
      );
    }
    if (node._used) throw new Error(usedGraphMessage(node.op));
    node.checkSavedVersions();
    if (!retain) node._used = true;
    const inputs = node.inputs;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      if (!input.requiresGrad) continue;
      const v = node.rule.vjpGraph(node, i, g);
      const prev = grads.get(input);
      grads.set(input, prev === undefined ? v : add(prev, v));
    }
  }
}

/** Runs the plain (not recorded) pass for autograd.grad, capturing instead of storing. */
export function runCapturingBackward(
  order: readonly Tensor[],
  seed: Tensor,
  capture: Capture,
  retain: boolean,
): void {
  const anomaly = isAnomalyEnabled();
  try {
    noGrad(() => runBackward(order, seed, anomaly, retain, capture));
  } finally {
    for (const t of order) t._acc = null;
  }
}
