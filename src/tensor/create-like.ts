// More ways to make tensors, PyTorch's names: the identity (`eye`), random integers
// (`randint`) and tensors shaped like another (`zerosLike`, `onesLike`, `fullLike`,
// `randLike`, `randnLike`).
import { describeValue, expectInteger, expectNumber } from "./arguments.ts";
import { full, ones, rand, randn, type TensorOptions, zeros } from "./create.ts";
import { type Rng, resolveRng } from "./rng.ts";
import { checkShape, sizeOf } from "./shape.ts";
import { checkSize } from "./size-limit.ts";
import { Tensor } from "./tensor.ts";

/** The n × m identity matrix (m = n by default): ones on the diagonal (torch.eye). */
export function eye(n: number, m?: number, options: TensorOptions = {}): Tensor {
  const rows = expectInteger("eye", "the number of rows", n);
  const cols = m === undefined ? rows : expectInteger("eye", "the number of columns", m);
  if (rows < 0 || cols < 0)
    throw new Error(`eye: sizes must not be negative, found ${rows} × ${cols}`);
  const t = zeros([rows, cols], options);
  for (let i = 0; i < Math.min(rows, cols); i++) t.data[i * cols + i] = 1;
  return t;
}

/**
 * Integers drawn uniformly from low … high − 1 (torch.randint): `randint(0, 10, [3])`, or
 * `randint(10, [3])` for 0 … 9. Drawn from `generator` (default: the default generator).
 */
export function randint(
  low: number,
  high: number | readonly number[],
  shape?: readonly number[] | Rng,
  generator?: Rng,
): Tensor {
  if (Array.isArray(high)) return randint(0, low, high, shape as Rng | undefined);
  expectInteger("randint", "low", low);
  expectInteger("randint", "high", high);
  if (!((high as number) > low)) {
    throw new Error(
      `randint: high must be greater than low, found low ${low} and high ${describeValue(high)}`,
    );
  }
  checkShape("randint", shape);
  checkSize("randint", shape as readonly number[]);
  const g = resolveRng("randint", generator, "randint(0, 10, [3], rng(0))");
  const dims = shape as readonly number[];
  const out = new Float64Array(sizeOf(dims));
  const span = (high as number) - low;
  for (let k = 0; k < out.length; k++) out[k] = low + Math.floor(g.next() * span);
  return new Tensor(out, [...dims]);
}

function like(op: string, x: unknown): Tensor {
  if (x instanceof Tensor) return x;
  throw new Error(`${op}: expected a Tensor to take the shape of, found ${describeValue(x)}`);
}

/** Zeros of `x`'s shape. */
export function zerosLike(x: Tensor, options: TensorOptions = {}): Tensor {
  return zeros(like("zerosLike", x).shape, options);
}

/** Ones of `x`'s shape. */
export function onesLike(x: Tensor, options: TensorOptions = {}): Tensor {
  return ones(like("onesLike", x).shape, options);
}

/** `value` everywhere, in `x`'s shape. */
export function fullLike(x: Tensor, value: number, options: TensorOptions = {}): Tensor {
  expectNumber("fullLike", "the fill value", value, true);
  return full(like("fullLike", x).shape, value, options);
}

/** Uniform samples on [0, 1) in `x`'s shape. */
export function randLike(x: Tensor, generator?: Rng, options: TensorOptions = {}): Tensor {
  return rand(like("randLike", x).shape, generator, options);
}

/** Standard normal samples in `x`'s shape. */
export function randnLike(x: Tensor, generator?: Rng, options: TensorOptions = {}): Tensor {
  return randn(like("randnLike", x).shape, generator, options);
}
