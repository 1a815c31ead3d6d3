// Matrix-product loops on raw row-major Float64Arrays. The loop orders keep the innermost
// loop walking memory contiguously; the transposed variants let the backward compute
// g @ Bᵀ and Aᵀ @ g without materialising a transpose.
import { allocate } from "../storage.ts";

/** out[m,n] = A[m,k] @ B[k,n] (i-k-j order: a row of B streams into a row of out). */
export function matmulNN(
  A: Float64Array,
  B: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const out = allocate(m * n);
  if (n === 1) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let p = 0, ai = i * k; p < k; p++) s += A[ai + p] * B[p];
      out[i] = s;
    }
    return out;
  }
  for (let i = 0; i < m; i++) {
    const oi = i * n;
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p];
      if (a === 0) continue;
      const bp = p * n;
      for (let j = 0; j < n; j++) out[oi + j] += a * B[bp + j];
    }
  }
  return out;
}

/** out[m,n] = A[m,k] @ Bᵀ where B is stored [n,k] (dot products of rows). */
export function matmulNT(
  A: Float64Array,
  B: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const out = allocate(m * n);
  if (k === 1) {
    // outer product: out[i,j] = A[i]·B[j]
    for (let i = 0; i < m; i++) {
      const a = A[i],
        oi = i * n;
      for (let j = 0; j < n; j++) out[oi + j] = a * B[j];
    }
    return out;
  }
  for (let i = 0; i < m; i++) {
    const ai = i * k;
    for (let j = 0; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += A[ai + p] * B[bj + p];
      out[i * n + j] = s;
    }
  }
  return out;
}

/** out[m,n] = Aᵀ @ B where A is stored [k,m] and B is [k,n] (rank-1 updates, row by row). */
export function matmulTN(
  A: Float64Array,
  B: Float64Array,
  m: number,
  k: number,
  n: number,
): Float64Array {
  const out = allocate(m * n);
  for (let p = 0; p < k; p++) {
    const ap = p * m,
      bp = p * n;
    for (let i = 0; i < m; i++) {
      const a = A[ap + i];
      if (a === 0) continue;
      const oi = i * n;
      for (let j = 0; j < n; j++) out[oi + j] += a * B[bp + j];
    }
  }
  return out;
}
