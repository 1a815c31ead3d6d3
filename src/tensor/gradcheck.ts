// Compares every gradient reverse mode computes with central differences,
//   ∂f/∂xⱼ ≈ (f(x + ε eⱼ) − f(x − ε eⱼ)) / 2ε,
// and reports, per input, the worst element. A non-scalar output is reduced to the scalar
// Σ wₖ yₖ with fixed weights w, so every output element is checked and none can cancel.
import { describeValue } from "./arguments.ts";
import { enableGrad, expectFunction, noGrad } from "./grad-mode.ts";
import { rng } from "./rng.ts";
import { formatShape, stridesOf } from "./shape.ts";
import { Tensor } from "./tensor.ts";

/** Options of `gradcheck`. */
export interface GradcheckOptions {
  /** Step of the central difference (default 1e-6). */
  eps?: number;
  /** Largest accepted |analytic − numeric| / max(1, |numeric|) (default 1e-5). */
  tol?: number;
  /** Throw an Error describing the worst element instead of returning a failing report (default false). */
  throwOnFailure?: boolean;
}

/** The check of one input. */
export interface GradcheckInput {
  index: number;
  name: string | undefined;
  shape: readonly number[];
  /** Largest scaled error over the elements. */
  maxError: number;
  /** The element with that error: its position, and both derivatives. */
  worst: { position: number[]; analytic: number; numeric: number } | null;
}

/** What `gradcheck` found. */
export interface GradcheckReport {
  ok: boolean;
  /** The op that produced the output, e.g. "mean". */
  op: string;
  maxError: number;
  inputs: GradcheckInput[];
  /** One line per input, for a cell or a console. */
  toString(): string;
}

function positionOf(flat: number, shape: readonly number[]): number[] {
  const strides = stridesOf(shape);
  return strides.map((s, d) => Math.floor(flat / s) % shape[d]);
}

/**
 * Checks the gradients of `fn` with respect to every input that requires grad (all inputs if
 * none does) against central differences.
 */
export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): GradcheckReport {
  expectFunction("gradcheck", fn, "gradcheck((x) => x.tanh().sum(), [x])");
  if (!Array.isArray(inputs) || inputs.some((x) => !(x instanceof Tensor))) {
    throw new Error(
      `gradcheck: expected the inputs as a list of tensors, e.g. gradcheck((x) => x.tanh().sum(), [x]), found ${describeValue(inputs)}`,
    );
  }
  const eps = options.eps ?? 1e-6;
  const tol = options.tol ?? 1e-5;
  const checkAll = inputs.every((x) => !x.requiresGrad);
  // Fresh leaves with their own storage, so perturbing them touches nothing of the caller's.
  const xs = inputs.map((x) => {
    const c = new Tensor(x.data.slice(), x.shape);
    c.requiresGrad = checkAll || x.requiresGrad;
    c.name = x.name;
    return c;
  });
  const first = enableGrad(() => fn(...xs));
  const weights = new Float64Array(first.data.length);
  const r = rng(12345);
  for (let k = 0; k < weights.length; k++)
    weights[k] = first.data.length === 1 ? 1 : 0.5 + r.next();
  const scalar = (y: Tensor): number => {
    let s = 0;
    for (let k = 0; k < weights.length; k++) s += weights[k] * y.data[k];
    return s;
  };
  const op = first.gradFn?.op ?? "(no op)";
  if (first.requiresGrad) first.backward(new Tensor(weights.slice(), first.shape));

  const results: GradcheckInput[] = [];
  xs.forEach((x, index) => {
    if (x.requiresGrad)
      results.push(checkInput(x, index, () => scalar(noGrad(() => fn(...xs))), eps));
  });
  const maxError = results.reduce((m, r) => Math.max(m, r.maxError), 0);
  const report: GradcheckReport = {
    ok: maxError <= tol,
    op,
    maxError,
    inputs: results,
    toString: () => reportText(results, tol),
  };
  if (!report.ok && options.throwOnFailure) {
    const bad = results.find((r) => r.maxError > tol);
    const w = bad?.worst;
    if (!bad || !w) throw new Error(`gradcheck: max error ${maxError} exceeds tol ${tol}`);
    throw new Error(
      `gradcheck: the gradient through "${op}" is wrong for ${bad.name ?? `input ${bad.index}`} of shape ` +
        `${formatShape(bad.shape)} — at [${w.position.join(",")}] backward gives ${w.analytic} but central ` +
        `differences give ${w.numeric} (error ${bad.maxError.toExponential(2)} > tol ${tol})`,
    );
  }
  return report;
}

/**
 * One input's check: each entry nudged by ±eps in place (and put back), `value()` read at
 * both, and the central difference set against the analytic gradient already in `x.grad`.
 */
function checkInput(x: Tensor, index: number, value: () => number, eps: number): GradcheckInput {
  const analytic = x.grad?.data ?? new Float64Array(x.data.length);
  let maxError = 0;
  let worst: GradcheckInput["worst"] = null;
  for (let j = 0; j < x.data.length; j++) {
    const v = x.data[j];
    x.data[j] = v + eps;
    const plus = value();
    x.data[j] = v - eps;
    const minus = value();
    x.data[j] = v;
    const numeric = (plus - minus) / (2 * eps);
    const a = analytic[j];
    const err = Math.abs(a - numeric) / Math.max(1, Math.abs(numeric));
    if (!(err <= maxError) || worst === null) {
      maxError = Number.isNaN(err) ? Infinity : Math.max(maxError, err);
      worst = { position: positionOf(j, x.shape), analytic: a, numeric };
    }
  }
  return { index, name: x.name, shape: x.shape, maxError, worst };
}

/** One line per input checked: ok or FAIL, its largest error and where it was worst. */
function reportText(results: readonly GradcheckInput[], tol: number): string {
  return results
    .map((r) => {
      const label = r.name ?? `input ${r.index}`;
      const w = r.worst;
      const at = w
        ? ` (worst at [${w.position.join(",")}]: analytic ${w.analytic}, numeric ${w.numeric})`
        : "";
      return `${r.maxError <= tol ? "ok  " : "FAIL"} ${label} ${formatShape(r.shape)}: max error ${r.maxError.toExponential(2)}${at}`;
    })
    .join("\n");
}
