// Two-class point clouds in the plane that no straight line separates but a small hidden
// layer does: "rings" (a disc inside a ring) and "xor" (four blobs, opposite corners alike).
import { describeValue, rng as makeRng, type Rng, showValue, Tensor } from "../tensor/index.ts";

/** Options of `data.twoClass`. */
export interface TwoClassOptions {
  /** Number of points, split evenly between the classes (default 100). */
  n?: number;
  /** Layout (default "rings"). */
  kind?: "rings" | "xor";
  /** Spread of the noise added to every point (default 0.1). */
  noise?: number;
  /** Seed (default 0); ignored when `rng` is given. */
  seed?: number;
  rng?: Rng;
}

/** A 2-D classification set. */
export interface TwoClassData {
  /** Points [n, 2]. */
  x: Tensor;
  /** Class labels as floats [n, 1] (for bceLoss). */
  y: Tensor;
  /** Class labels 0/1 (for crossEntropy, or a plot's colour). */
  labels: number[];
  /** `{ x1, x2, label }` rows for a Vega-Lite scatter plot. */
  points: { x1: number; x2: number; label: number }[];
}

/**
 * `data.twoClass({ n: 100, kind: "rings", seed: 0 })`. "rings": class 0 fills a disc of
 * radius 0.5, class 1 a ring between radii 0.8 and 1.2. "xor": class 1 around (0,1) and (1,0),
 * class 0 around (0,0) and (1,1) — the points that two ReLU units, relu(x₁ + x₂) and
 * relu(x₁ + x₂ − 1), map to a line-separable picture.
 */
export function twoClass(options: TwoClassOptions = {}): TwoClassData {
  if (typeof options !== "object" || options === null) {
    throw new Error(
      `data.twoClass: expected options such as { n: 100, kind: "rings" }, or nothing, found ${describeValue(options)}`,
    );
  }
  const n = options.n ?? 100;
  const kind = options.kind ?? "rings";
  const noise = options.noise ?? 0.1;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2)
    throw new Error(`data.twoClass: n must be an integer ≥ 2, found ${showValue(n)}`);
  if (kind !== "rings" && kind !== "xor") {
    throw new Error(
      `data.twoClass: unknown kind ${typeof kind === "string" ? JSON.stringify(kind) : `(${describeValue(kind)})`}, expected "rings" or "xor"`,
    );
  }
  if (typeof noise !== "number" || !(noise >= 0 && noise < Infinity)) {
    throw new Error(`data.twoClass: noise must be a number ≥ 0, found ${showValue(noise)}`);
  }
  const r = options.rng ?? makeRng(options.seed ?? 0);
  const xs = new Float64Array(2 * n);
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2; // alternate, so any prefix is balanced
    let x1: number;
    let x2: number;
    if (kind === "rings") {
      const angle = 2 * Math.PI * r.next();
      // √u spreads the disc's points evenly over its area rather than crowding the centre.
      const radius = label === 0 ? 0.5 * Math.sqrt(r.next()) : 0.8 + 0.4 * r.next();
      x1 = radius * Math.cos(angle) + noise * r.normal();
      x2 = radius * Math.sin(angle) + noise * r.normal();
    } else {
      // Class 0 sits at (c, c), class 1 at (c, 1 − c), for a random corner index c ∈ {0, 1}.
      const c = r.int(2);
      x1 = c + noise * r.normal();
      x2 = (label === 0 ? c : 1 - c) + noise * r.normal();
    }
    xs[2 * i] = x1;
    xs[2 * i + 1] = x2;
    labels.push(label);
  }
  return {
    x: new Tensor(xs, [n, 2]),
    y: new Tensor(Float64Array.from(labels), [n, 1]),
    labels,
    points: labels.map((label, i) => ({ x1: xs[2 * i], x2: xs[2 * i + 1], label })),
  };
}
