// The graphs the benchmark draws, by name: chapter 6's 2-2-1 network as the chapter writes it,
// an nn.MLP 2-4-4-1 on three points (a layer graph with matrices), and scalar graphs of about
// 20, 200 and 1,000 nodes. Deterministic; shared by the Node side and the browser page.

import { F, nn, tensor } from "../../../src/index.ts";
import type { Tensor } from "../../../src/tensor/tensor.ts";
import { randomGraph } from "./random-graph.ts";

/** A graph to draw: its result and the names graph.view gets for it. */
export interface BenchGraph {
  readonly result: Tensor;
  readonly names?: Record<string, Tensor>;
}

/** Chapter 6, "A worked example: the 2-2-1 network": x = (1.0, 0.1), y = 0.5, ℓ = ½(ŷ − y)². */
function chapter6(): BenchGraph {
  const X = tensor([[1.0], [0.1]], { name: "x" }); // [2, 1]
  const W1 = tensor(
    [
      [0.5, -0.3],
      [0.2, 0.8],
    ],
    { requiresGrad: true, name: "W^{(1)}" },
  );
  const b1 = tensor([[0], [0]], { requiresGrad: true, name: "b^{(1)}" });
  const W2 = tensor([[0.7, -0.4]], { requiresGrad: true, name: "W^{(2)}" });
  const b2 = tensor([[0]], { requiresGrad: true, name: "b^{(2)}" });
  const z1 = W1.matmul(X).add(b1); // [2, 1]
  const a1 = z1.tanh();
  const z2 = W2.matmul(a1).add(b2); // [1, 1]
  const yhat = z2.tanh();
  const sq = F.mseLoss(yhat, tensor([[0.5]], { name: "y" }));
  const loss = sq.mul(0.5);
  const names = { "z^{(1)}": z1, "a^{(1)}": a1, "z^{(2)}": z2, "\\hat{y}": yhat };
  return { result: loss, names: { ...names, "(\\hat{y}-y)^2": sq, "\\ell": loss } };
}

/** nn.MLP([2, 4, 4, 1]) with tanh on three points, mean squared error. */
function mlp2441(): BenchGraph {
  const model = new nn.MLP([2, 4, 4, 1], { activation: "tanh", seed: 1 });
  const x = tensor(
    [
      [1.0, 0.1],
      [-0.5, 0.3],
      [0.2, -0.8],
    ],
    { name: "x" },
  ); // [3, 2]
  const y = tensor([[0.5], [-0.2], [0.1]], { name: "y" }); // [3, 1]
  return { result: F.mseLoss(model.forward(x), y) };
}

/** Every benchmark graph by name, in the order the tables list them. */
export const BENCH_GRAPHS: Readonly<Record<string, () => BenchGraph>> = {
  "ch6 2-2-1": chapter6,
  "MLP 2-4-4-1": mlp2441,
  "scalar 20": () => ({ result: randomGraph(20) }),
  "scalar 200": () => ({ result: randomGraph(200) }),
  "scalar 1000": () => ({ result: randomGraph(1000) }),
};

/** The graph the 100 ms target is about. */
export const DRAW_TARGET_GRAPH = "scalar 200";
