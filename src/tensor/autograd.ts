// Reverse mode. `topologicalOrder` lists the graph below a result, inputs before outputs;
// `backward` walks it in reverse, and at each node hands ∂L/∂out to the node's vjp for each
// input in argument order, summing what arrives at a tensor used several times.
import { isAnomalyEnabled, noGrad } from "./grad-mode.ts";
import { checkFinite, OpNode, type TensorLike, toTensor } from "./op.ts";
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

/**
 * Computes ∂root/∂t for every tensor t that requires grad and adds it to `t.grad` (leaves and
 * tensors that called `retainGrad()`). `gradient` is ∂L/∂root; it may be omitted for a scalar.
 */
export function backward(root: Tensor, gradient?: TensorLike): void {
  if (!root.requiresGrad) {
    throw new Error(
      "backward: this tensor does not require grad, so there is nothing to differentiate — " +
        "create the inputs with { requiresGrad: true } (and not inside noGrad)",
    );
  }
  let seed: Tensor;
  if (gradient === undefined) {
    if (root.data.length !== 1) {
      throw new Error(
        `backward: called without a gradient on a tensor of shape ${formatShape(root.shape)} — ` +
          "only a scalar can start backward on its own; reduce it first (sum, mean) or pass " +
          "a gradient of the same shape, e.g. y.backward(ones(y.shape))",
      );
    }
    seed = new Tensor(new Float64Array([1]), root.shape);
  } else {
    seed = toTensor(gradient, "backward", "the gradient");
    if (!sameShape(seed.shape, root.shape) && !(seed.data.length === 1 && root.data.length === 1)) {
      throw new Error(
        `backward: the gradient has shape ${formatShape(seed.shape)} but the tensor has shape ${formatShape(root.shape)}; they must match`,
      );
    }
    if (!sameShape(seed.shape, root.shape)) seed = new Tensor(seed.data, root.shape);
  }
  const order = topologicalOrder(root);
  const anomaly = isAnomalyEnabled();
  try {
    noGrad(() => runBackward(order, seed, anomaly));
  } finally {
    for (const t of order) t._acc = null; // nothing of this pass stays on the tensors
  }
}

function sharesInput(v: Tensor, inputs: readonly Tensor[]): boolean {
  for (let i = 0; i < inputs.length; i++) if (inputs[i].data === v.data) return true;
  return false;
}

function runBackward(order: readonly Tensor[], seed: Tensor, anomaly: boolean): void {
  const root = order[order.length - 1];
  root._acc = seed;
  root._accOwned = false;
  for (let q = order.length - 1; q >= 0; q--) {
    const t = order[q];
    const g = t._acc;
    if (g === null) continue;
    const owned = t._accOwned;
    t._acc = null;
    const node = t.gradFn;
    if (node === null) {
      if (t.requiresGrad) storeGrad(t, g, owned, true);
      continue;
    }
    const retained = t._retainsGrad;
    if (retained) storeGrad(t, g, owned, false); // g still flows to the inputs
    const inputs = node.inputs;
    if (node instanceof OpNode) node.checkSavedVersions();
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
