// matmul as torch.matmul: 2-D @ 2-D, 2-D @ 1-D, 1-D @ 2-D and 1-D @ 1-D, and batched: operands of
// rank ≥ 3 are stacks of matrices over their leading (batch) axes, which broadcast against each
// other ([2,3,4] @ [2,4,5] → [2,3,5]; [2,3,4] @ [4,5] → [2,3,5]). A 1-D left operand is a row
// [1,k], a 1-D right operand a column [k,1]; the added axis is dropped afterwards.
// Backward: ∂L/∂A = G @ Bᵀ, ∂L/∂B = Aᵀ @ G per matrix, using the transposed kernels (no
// copies), summed over the batch entries an operand was broadcast to. `bmm` is the strict
// 3-D form ([b,n,m] @ [b,m,p]).
import { makeResult, NO_ATTRS, type OpRule, type TensorLike, toTensor } from "../op.ts";
import { type OpDefinition, replayInput } from "../op-definition.ts";
import { broadcastIndex, broadcastShapes, formatShape, sameShape, sizeOf } from "../shape.ts";
import { checkSize, maxTensorBytes } from "../size-limit.ts";
import { allocate } from "../storage.ts";
import { Tensor } from "../tensor.ts";
import { matmulNN, matmulNT, matmulTN } from "./matmul-kernels.ts";
import { reshape, transpose } from "./shape.ts";
import { sumToShapeGraph } from "./sum-to-shape-graph.ts";

interface Dims {
  m: number;
  k: number;
  n: number;
  /** Batched only: per output matrix, which matrix of a and of b it multiplies (null: 2-D). */
  batch: { ai: Int32Array; bi: Int32Array } | null;
}

/** out[q] = A[ai[q]] @ B[bi[q]] for each output matrix q (the sizes of one product in `d`). */
function batchedNN(A: Float64Array, B: Float64Array, d: Dims, count: number): Float64Array {
  const { m, k, n } = d;
  const { ai, bi } = d.batch as NonNullable<Dims["batch"]>;
  const out = allocate(count * m * n);
  for (let q = 0; q < count; q++) {
    const a = A.subarray(ai[q] * m * k, (ai[q] + 1) * m * k);
    const b = B.subarray(bi[q] * k * n, (bi[q] + 1) * k * n);
    out.set(matmulNN(a, b, m, k, n), q * m * n);
  }
  return out;
}

const matmulRule: OpRule<Dims> = {
  saves: [0, 1],
  // createGraph: ∂L/∂A = G Bᵀ, ∂L/∂B = Aᵀ G as recorded ops (1-D operands as a row/column).
  vjpGraph(node, i, g) {
    const [a, b] = node.inputs as [Tensor, Tensor];
    const { m, k, n, batch } = node.saved;
    if (batch === null) {
      const G = reshape(g, [m, n]);
      if (i === 0) return reshape(matmul(G, transpose(reshape(b, [k, n]))), a.shape);
      return reshape(matmul(transpose(reshape(a, [m, k])), G), b.shape);
    }
    // A 1-D operand is a row [1,k] (or a column [k,1]), and g gets the dropped axis back.
    const A = a.shape.length === 1 ? reshape(a, [1, k]) : a;
    const B = b.shape.length === 1 ? reshape(b, [k, 1]) : b;
    let G = g;
    if (a.shape.length === 1) G = reshape(G, [...G.shape.slice(0, -1), 1, n]);
    if (b.shape.length === 1) G = reshape(G, [...G.shape, 1]);
    if (i === 0) return reshape(sumToShapeGraph(matmul(G, transpose(B, -1, -2)), A.shape), a.shape);
    return reshape(sumToShapeGraph(matmul(transpose(A, -1, -2), G), B.shape), b.shape);
  },
  vjp(node, i, g) {
    const [a, b] = node.inputs as [Tensor, Tensor];
    const { m, k, n, batch } = node.saved;
    if (batch === null) {
      if (i === 0) return new Tensor(matmulNT(g.data, b.data, m, n, k), a.shape); // G[m,n] @ Bᵀ[n,k]
      return new Tensor(matmulTN(a.data, g.data, k, m, n), b.shape); // Aᵀ[k,m] @ G[m,n]
    }
    const G = g.data;
    const count = batch.ai.length;
    const out = allocate(i === 0 ? a.data.length : b.data.length);
    for (let q = 0; q < count; q++) {
      const gq = G.subarray(q * m * n, (q + 1) * m * n);
      if (i === 0) {
        const bq = b.data.subarray(batch.bi[q] * k * n, (batch.bi[q] + 1) * k * n);
        const part = matmulNT(gq, bq, m, n, k);
        const at = batch.ai[q] * m * k;
        for (let p = 0; p < part.length; p++) out[at + p] += part[p];
      } else {
        const aq = a.data.subarray(batch.ai[q] * m * k, (batch.ai[q] + 1) * m * k);
        const part = matmulTN(aq, gq, k, m, n);
        const at = batch.bi[q] * k * n;
        for (let p = 0; p < part.length; p++) out[at + p] += part[p];
      }
    }
    return new Tensor(out, node.inputs[i].shape);
  },
  // d(A@B) = dA@B + A@dB
  jvp(node, [ta, tb]) {
    const [a, b] = node.inputs;
    const d = node.saved;
    const { m, k, n, batch } = d;
    const count = batch === null ? 1 : batch.ai.length;
    const product = (x: Float64Array, y: Float64Array) =>
      batch === null ? matmulNN(x, y, m, k, n) : batchedNN(x, y, d, count);
    const out = ta ? product(ta.data, b.data) : allocate(count * m * n);
    if (tb) {
      const p = product(a.data, tb.data);
      for (let q = 0; q < out.length; q++) out[q] += p[q];
    }
    return new Tensor(out, node.output.shape);
  },
};

function sizesMessage(a: Tensor, b: Tensor, op: string, why: string): string {
  return `${op}: ${formatShape(a.shape)} @ ${formatShape(b.shape)} — ${why}`;
}

/** Matrix product a @ b (see the file comment for the accepted ranks and batching). */
export function matmul(x: TensorLike, y: TensorLike): Tensor {
  return matmulAs("matmul", x, y);
}

function matmulAs(op: string, x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, op, "the left operand");
  const b = toTensor(y, op, "the right operand");
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra < 1 || rb < 1) {
    throw new Error(
      sizesMessage(a, b, op, `both operands need at least one axis (found ${ra}-D and ${rb}-D)`),
    );
  }
  const m = ra >= 2 ? a.shape[ra - 2] : 1;
  const k = a.shape[ra - 1];
  const kb = b.shape[rb >= 2 ? rb - 2 : 0];
  const n = rb >= 2 ? b.shape[rb - 1] : 1;
  if (k !== kb) throw new Error(sizesMessage(a, b, op, `inner sizes ${k} and ${kb} differ`));
  // [1e5,1] @ [1,1e5] would be 80 GB (the shape is built only when it is refused)
  if (m * n * 8 > maxTensorBytes()) checkSize(op, [m, n]);
  if (ra <= 2 && rb <= 2) {
    const shape = ra === 2 ? (rb === 2 ? [m, n] : [m]) : rb === 2 ? [n] : [];
    const dims: Dims = { m, k, n, batch: null };
    return makeResult(
      matmulNN(a.data, b.data, m, k, n),
      shape,
      matmulRule,
      op,
      [a, b],
      NO_ATTRS,
      dims,
    );
  }
  // Batched: the leading axes broadcast; each output matrix pairs one matrix of a and one of b.
  const batchA = a.shape.slice(0, Math.max(0, ra - 2));
  const batchB = b.shape.slice(0, Math.max(0, rb - 2));
  let batchShape: number[];
  try {
    batchShape = broadcastShapes(op, batchA, batchB);
  } catch {
    throw new Error(
      sizesMessage(
        a,
        b,
        op,
        `batch axes ${formatShape(batchA)} and ${formatShape(batchB)} cannot broadcast`,
      ),
    );
  }
  const count = sizeOf(batchShape);
  checkSize(op, [...batchShape, m, n]);
  const ai = sameShape(batchA, batchShape)
    ? Int32Array.from({ length: count }, (_, q) => q)
    : broadcastIndex(batchA, batchShape);
  const bi = sameShape(batchB, batchShape)
    ? Int32Array.from({ length: count }, (_, q) => q)
    : broadcastIndex(batchB, batchShape);
  const dims: Dims = { m, k, n, batch: { ai, bi } };
  const shape = [...batchShape, ...(ra >= 2 ? [m] : []), ...(rb >= 2 ? [n] : [])];
  return makeResult(
    batchedNN(a.data, b.data, dims, count),
    shape,
    matmulRule,
    op,
    [a, b],
    NO_ATTRS,
    dims,
  );
}

/**
 * Batched matrix product of two 3-D tensors, [b,n,m] @ [b,m,p] → [b,n,p], without broadcasting
 * (torch.bmm); `matmul` broadcasts the batch axes instead.
 */
export function bmm(x: TensorLike, y: TensorLike): Tensor {
  const a = toTensor(x, "bmm", "the left operand");
  const b = toTensor(y, "bmm", "the right operand");
  if (a.shape.length !== 3 || b.shape.length !== 3) {
    throw new Error(
      sizesMessage(
        a,
        b,
        "bmm",
        `both operands must be 3-D (found ${a.shape.length}-D and ${b.shape.length}-D); matmul broadcasts other ranks`,
      ),
    );
  }
  if (a.shape[0] !== b.shape[0]) {
    throw new Error(
      sizesMessage(a, b, "bmm", `batch sizes ${a.shape[0]} and ${b.shape[0]} differ`),
    );
  }
  return matmulAs("bmm", a, b);
}

const matmulTex: OpDefinition["tex"] = {
  forward: (a, _at, n) => n.times(a[0] ?? "", a[1] ?? ""),
  local: () => null,
  // C = AB: ∂L/∂A = (∂L/∂C) Bᵀ, ∂L/∂B = Aᵀ (∂L/∂C).
  term: (i, up, a, _out, _at, n) =>
    i === 0 ? n.times(up, n.transposed(a[1] ?? "")) : n.times(n.transposed(a[0] ?? ""), up),
};

export const MATMUL: OpDefinition = {
  name: "matmul",
  forward: matmul,
  rules: [matmulRule],
  replay: (xs) => matmul(replayInput(xs, 0), replayInput(xs, 1)),
  tex: matmulTex,
  words: ["matmul", "matmul"],
  elementwise: false,
};

export const BMM: OpDefinition = {
  name: "bmm",
  forward: bmm,
  rules: [matmulRule],
  replay: (xs) => bmm(replayInput(xs, 0), replayInput(xs, 1)),
  tex: matmulTex,
  words: ["bmm", "batched matmul"],
  elementwise: false,
};
