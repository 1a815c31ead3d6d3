// matmul: 2-D @ 2-D, 2-D @ 1-D, 1-D @ 2-D and 1-D @ 1-D, as torch.matmul. A 1-D left operand
// is a row [1,k], a 1-D right operand a column [k,1]; the added axis is dropped afterwards.
// Backward: ∂L/∂A = G @ Bᵀ, ∂L/∂B = Aᵀ @ G, using the transposed kernels (no copies).
import { makeResult, NO_ATTRS, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { type OpDefinition, replayInput } from "../op-definition.ts";
import { formatShape } from "../shape.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { matmulNN, matmulNT, matmulTN } from "./matmul-kernels.ts";

interface Dims {
  m: number;
  k: number;
  n: number;
}

const matmulRule: OpRule<Dims> = {
  saves: [0, 1],
  vjp(node, i, g) {
    const [a, b] = node.inputs as [Tensor, Tensor];
    const { m, k, n } = node.saved;
    if (i === 0) return new Tensor(matmulNT(g.data, b.data, m, n, k), a.shape); // G[m,n] @ Bᵀ[n,k]
    return new Tensor(matmulTN(a.data, g.data, k, m, n), b.shape); // Aᵀ[k,m] @ G[m,n]
  },
  // d(A@B) = dA@B + A@dB
  jvp(node, [ta, tb]) {
    const [a, b] = node.inputs;
    const { m, k, n } = node.saved;
    const out = ta ? matmulNN(ta.data, b.data, m, k, n) : allocate(m * n);
    if (tb) {
      const p = matmulNN(a.data, tb.data, m, k, n);
      for (let q = 0; q < out.length; q++) out[q] += p[q];
    }
    return new Tensor(out, node.output.shape);
  },
};

/** Matrix product a @ b (see the file comment for the accepted ranks). */
export function matmul(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "matmul", "the left operand");
  const b = toTensor(y, "matmul", "the right operand");
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 1 || ra > 2 || rb < 1 || rb > 2) {
    throw new Error(
      `matmul: ${formatShape(a.shape)} @ ${formatShape(b.shape)} — both operands must be 1-D or 2-D ` +
        `(found ${ra}-D and ${rb}-D)`,
    );
  }
  const m = ra === 2 ? a.shape[0] : 1;
  const k = a.shape[ra - 1];
  const kb = b.shape[0];
  const n = rb === 2 ? b.shape[1] : 1;
  if (k !== kb) {
    throw new Error(
      `matmul: ${formatShape(a.shape)} @ ${formatShape(b.shape)} — inner sizes ${k} and ${kb} differ`,
    );
  }
  const shape = ra === 2 ? (rb === 2 ? [m, n] : [m]) : rb === 2 ? [n] : [];
  return makeResult(
    matmulNN(a.data, b.data, m, k, n),
    shape,
    matmulRule,
    "matmul",
    [a, b],
    NO_ATTRS,
    { m, k, n },
  );
}

export const MATMUL: OpDefinition = {
  name: "matmul",
  forward: matmul,
  rules: [matmulRule],
  replay: (xs) => matmul(replayInput(xs, 0), replayInput(xs, 1)),
  tex: {
    forward: (a, _at, n) => n.times(a[0] ?? "", a[1] ?? ""),
    local: () => null,
    // C = AB: ∂L/∂A = (∂L/∂C) Bᵀ, ∂L/∂B = Aᵀ (∂L/∂C).
    term: (i, up, a, _out, _at, n) =>
      i === 0 ? n.times(up, n.transposed(a[1] ?? "")) : n.times(n.transposed(a[0] ?? ""), up),
  },
  words: ["matmul", "matmul"],
  elementwise: false,
};
