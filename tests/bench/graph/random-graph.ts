// Scalar computations of a chosen size for the graph benchmark: a layered random expression
// (like an unrolled small network), deterministic for a seed.
import { type Tensor, tensor, topologicalOrder } from "../../../src/tensor/index.ts";

/** A scalar loss whose recorded graph has about `nodes` tensors (within a few percent). */
export function randomGraph(nodes: number, seed = 1): Tensor {
  // Some random ops end up unused and drop out of the graph: grow the budget until it fits.
  let budget = nodes;
  for (;;) {
    const result = build(budget, seed);
    const count = topologicalOrder(result).length;
    if (count >= nodes * 0.97 || budget > 4 * nodes) return result;
    budget += nodes - count;
  }
}

function build(nodes: number, seed: number): Tensor {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const width = Math.max(2, Math.round(Math.sqrt(nodes) / 2));
  let layer: Tensor[] = Array.from({ length: width }, (_, k) =>
    tensor(next() * 2 - 1, { requiresGrad: true, name: `w${k + 1}` }),
  );
  let count = width;
  while (count < nodes - 2 * width) {
    const out: Tensor[] = [];
    for (let k = 0; k < width; k++) {
      const a = at(layer, Math.floor(next() * layer.length));
      const b = at(layer, Math.floor(next() * layer.length));
      const r = next();
      out.push(r < 0.4 ? a.mul(b) : r < 0.8 ? a.add(b) : a.tanh());
      count += 1;
    }
    layer = out;
  }
  let loss = at(layer, 0);
  for (let k = 1; k < layer.length; k++) loss = loss.add(at(layer, k));
  return loss;
}

function at(layer: readonly Tensor[], k: number): Tensor {
  const t = layer[k];
  if (!t) throw new Error(`randomGraph: no tensor ${k} in a layer of ${layer.length}`);
  return t;
}
