// The lecture's worked examples, built with the tensor library, shared by the graph tests.
// Values are dyadic fractions so every intermediate is exact and formulas compare with ===.
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
