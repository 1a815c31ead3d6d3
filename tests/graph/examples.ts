// The lecture's worked examples, built with the tensor library, shared by the graph tests.
// The small examples use dyadic fractions, so every intermediate is exact and formulas compare
// with ===; the chapters' own examples use the chapters' numbers.
import * as F from "../../src/nn/functional/index.ts";
import { type Tensor, tensor } from "../../src/tensor/index.ts";

/** Least squares on one example: ŷ = w₁x₁ + w₂x₂ + b, r = y − ŷ, ℓ = r². */
export function leastSquares() {
  const w1 = tensor(0.5, { requiresGrad: true, name: "w1" });
  const w2 = tensor(-0.25, { requiresGrad: true, name: "w2" });
  const b = tensor(0.125, { requiresGrad: true, name: "b" });
  const x1 = tensor(1, { name: "x1" });
  const x2 = tensor(2, { name: "x2" });
  const y = tensor(1.5, { name: "y" });
  const yhat = named(w1.mul(x1).add(w2.mul(x2)).add(b), "yhat");
  const r = named(y.sub(yhat), "r");
  const loss = named(r.pow(2), "ell");
  return { w1, w2, b, x1, x2, y, yhat, r, loss };
}

/** Ridge regression: the least-squares graph plus R = λ(w₁² + w₂²), J = ℓ + R. */
export function ridge(lambda = 0.25) {
  const ls = leastSquares();
  const R = named(ls.w1.pow(2).add(ls.w2.pow(2)).mul(lambda), "R");
  const J = named(ls.loss.add(R), "J");
  return { ...ls, lambda, R, J };
}

/** The 2-2-1 tanh network of chapter 6: x = (1.0, 0.1), target 0.5, ℓ = ½(ŷ − y)². */
export function mlp221() {
  const x = tensor([[1.0], [0.1]], { name: "x" }); // [2, 1]
  const W1 = tensor(
    [
      [0.5, -0.3],
      [0.2, 0.8],
    ],
    { requiresGrad: true, name: "W1" },
  );
  const b1 = tensor([[0], [0]], { requiresGrad: true, name: "b1" });
  const W2 = tensor([[0.7, -0.4]], { requiresGrad: true, name: "W2" });
  const b2 = tensor([[0]], { requiresGrad: true, name: "b2" });
  const z1 = W1.matmul(x).add(b1); // [2, 1]
  const a1 = z1.tanh();
  const z2 = W2.matmul(a1).add(b2); // [1, 1]
  const yhat = named(z2.tanh(), "yhat");
  const loss = named(yhat.sub(0.5).pow(2).mul(0.5).sum(), "ell");
  return { x, W1, b1, W2, b2, z1, a1, z2, yhat, loss };
}

export function named(t: Tensor, name: string): Tensor {
  t.name = name;
  return t;
}

/** Chapter 5's sliders at their defaults. */
export const CHAPTER5 = { x1: 1, x2: -0.5, y: 1.5, w1: 0.5, w2: -1, b: 0.2, lambda: 0.5 } as const;

/** Chapter 5's least-squares cell, with the names its graph.view call passes. */
export function chapter5LeastSquares(p = CHAPTER5) {
  const w1 = tensor(p.w1, { requiresGrad: true, name: "w1" });
  const w2 = tensor(p.w2, { requiresGrad: true, name: "w2" });
  const b = tensor(p.b, { requiresGrad: true, name: "b" });
  const x1 = tensor(p.x1, { name: "x1" });
  const x2 = tensor(p.x2, { name: "x2" });
  const y = tensor(p.y, { name: "y" });
  const wx = w1.mul(x1).add(w2.mul(x2));
  const yhat = wx.add(b);
  const r = y.sub(yhat);
  const loss = r.pow(2);
  const names = { "w^\\top x": wx, "\\hat{y}": yhat, r, "\\ell": loss };
  return { w1, w2, b, x1, x2, y, wx, yhat, r, loss, names };
}

/** Chapter 5's ridge cell: the same model plus R = λ wᵀw, J = ℓ + R. */
export function chapter5Ridge(p = CHAPTER5) {
  const ls = chapter5LeastSquares(p);
  const wtw = ls.w1.pow(2).add(ls.w2.pow(2));
  const R = wtw.mul(tensor(p.lambda, { name: "lambda" }));
  const J = ls.loss.add(R);
  const names = { ...ls.names, "w^\\top w": wtw, R, J };
  return { ...ls, wtw, R, J, names };
}

/** Chapter 6's worked 2-2-1 network, written and named exactly as the chapter's cells. */
export function chapter6Network() {
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
  const Y = tensor([[0.5]], { name: "y" });
  const sq = F.mseLoss(yhat, Y);
  const loss = sq.mul(0.5);
  const names = {
    "z^{(1)}": z1,
    "a^{(1)}": a1,
    "z^{(2)}": z2,
    "\\hat{y}": yhat,
    "(\\hat{y}-y)^2": sq,
    "\\ell": loss,
  };
  return { X, W1, b1, W2, b2, z1, a1, z2, yhat, Y, sq, loss, names };
}
