// Numbers as a lecturer writes them: about four significant digits, in TeX and in plain text.
// Only the display is rounded; traces keep the exact Float64 values.
import type { Values } from "./types.ts";

/** Largest side shown in full as a matrix in the equations; beyond it, only the shape. */
export const MATRIX_LIMIT = 4;

function trimMantissa(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** Most decimals a number gets so that rounding does not make it look whole (0.99999…). */
const MAX_DECIMALS = 5;

/**
 * Significant digits beyond which a distance from a whole number is taken for Float64's
 * rounding noise: 1.2 + (−0.2) computes 1 + 2.2e−16 and reads 1, while tanh 12 = 1 − 7.55e−11,
 * a real distance, is still told. Only the display is rounded; the value is kept exact.
 */
const NOISE_DIGITS = 12;

/**
 * A number as shown: a mantissa with an exponent (0 when not needed), or, for a number so close
 * to a whole `near` that even MAX_DECIMALS would round it there, that whole and the distance
 * (`offset`, exact: Sterbenz), so tanh(12) reads 1 − 7.5e−12 rather than 1.
 */
type Rounded =
  | { readonly mantissa: string; readonly exponent: number }
  | { readonly near: number; readonly offset: number };

/**
 * Rounds v to `digits` significant digits (4: what a lecturer writes), with more where those
 * would show a whole number v is not — tanh 6 = 0.99999, not 1 — up to MAX_DECIMALS decimals.
 */
function roundParts(v: number, digits: number, tellWholes = true): Rounded {
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-3)) {
    const [m, e] = v.toExponential(digits - 1).split("e");
    return { mantissa: trimMantissa(m ?? "0"), exponent: Number(e) };
  }
  let rounded = Number(v.toPrecision(digits));
  // Whole numbers with more digits than shown (12350 for 12345.6) are plainly rounded.
  if (tellWholes && rounded !== v && Number.isInteger(rounded) && abs < 10 ** digits) {
    // A whole but for rounding noise is that whole.
    const whole = Number(v.toPrecision(Math.max(NOISE_DIGITS, digits)));
    if (Number.isInteger(whole))
      return { mantissa: whole === 0 ? "0" : String(whole), exponent: 0 };
    const most = Math.max(digits, Math.floor(Math.log10(abs)) + 1 + MAX_DECIMALS);
    for (let d = digits + 1; Number.isInteger(rounded) && d <= most; d++) {
      rounded = Number(v.toPrecision(d));
    }
    if (Number.isInteger(rounded)) return { near: rounded, offset: v - rounded };
  }
  const s = rounded.toString();
  return { mantissa: s === "-0" ? "0" : s, exponent: 0 };
}

function plainText(v: number, digits: number, tellWholes: boolean): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  const r = roundParts(v, digits, tellWholes);
  if ("near" in r) {
    const sign = r.offset < 0 ? "−" : "+";
    return `${formatNumber(r.near, digits)} ${sign} ${formatNumber(Math.abs(r.offset), digits)}`;
  }
  const text = r.exponent === 0 ? r.mantissa : `${r.mantissa}e${r.exponent}`;
  return text.replaceAll("-", "−");
}

/** Plain text, Unicode minus: `-0.8` → `−0.8`, `1.234e-5` → `1.234e−5`. */
export function formatNumber(v: number, digits = 4): string {
  return plainText(v, digits, true);
}

/**
 * An estimate (a finite difference) in plain text, rounded to four digits even to a whole:
 * its later digits are noise, so `fd 1 ✓` claims nothing `fd 1 − 5.841e−11 ✓` would not.
 */
export function formatEstimate(v: number): string {
  return plainText(v, 4, false);
}

/** TeX for a number: `-0.8`, `1.2\times 10^{-5}`, `1 - 7.548\times 10^{-12}`. */
export function texNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "\\text{NaN}";
  if (!Number.isFinite(v)) return v > 0 ? "\\infty" : "-\\infty";
  const r = roundParts(v, digits);
  if ("near" in r) {
    const sign = r.offset < 0 ? "-" : "+";
    return `${texNumber(r.near, digits)} ${sign} ${texNumber(Math.abs(r.offset), digits)}`;
  }
  return r.exponent === 0 ? r.mantissa : `${r.mantissa}\\times 10^{${r.exponent}}`;
}

/** A number as a factor in a product: negatives, powers of ten and `1 - ε` get parentheses. */
export function texFactor(v: number): string {
  const t = texNumber(v);
  return t.startsWith("-") || t.includes("\\times") || / [+-] /.test(t) ? `(${t})` : t;
}

/** `2×3` style shape text. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 0 ? "scalar" : shape.join("×");
}

/** Whether the equations show these values entry by entry. */
export function isSmall(shape: readonly number[]): boolean {
  return shape.length <= 2 && shape.every((n) => n <= MATRIX_LIMIT);
}

function texRows(rows: number[][]): string {
  return `\\begin{bmatrix}${rows.map((r) => r.map((v) => texNumber(v)).join(" & ")).join(" \\\\ ")}\\end{bmatrix}`;
}

/** Values as TeX: a number, a bmatrix up to 4×4 (vectors as a row), or the shape beyond that. */
export function texValues(values: Values): string {
  const { shape, data } = values;
  // A 1×1 (or [1]) tensor reads best as the number it holds.
  if (data.length === 1) return texNumber(data[0] ?? Number.NaN);
  if (!isSmall(shape)) return `\\left[\\,${shape.join("{\\times}")}\\,\\right]`;
  if (shape.length === 1) return texRows([[...data]]);
  const [m = 0, n = 0] = shape;
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) rows.push(data.slice(i * n, (i + 1) * n));
  return texRows(rows);
}

/** Values as a factor in a product (scalars parenthesised when negative). */
export function texValuesFactor(values: Values): string {
  return values.data.length === 1 ? texFactor(values.data[0] ?? Number.NaN) : texValues(values);
}

/**
 * Plain text for a drawing: a number, up to `maxItems` numbers in brackets, else the shape;
 * each number written by `format` (formatNumber, or formatEstimate for an estimate).
 */
export function formatValues(
  values: Values,
  maxItems = 4,
  format: (v: number) => string = formatNumber,
): string {
  const { shape, data } = values;
  if (data.length === 1) return format(data[0] ?? Number.NaN);
  if (data.length > maxItems) return `[${formatShape(shape)}]`;
  if (shape.length === 2 && (shape[0] ?? 0) > 1 && (shape[1] ?? 0) > 1) {
    const n = shape[1] ?? 1;
    const rows: string[] = [];
    for (let i = 0; i < data.length; i += n) {
      rows.push(
        data
          .slice(i, i + n)
          .map((v) => format(v))
          .join(", "),
      );
    }
    return `[${rows.join("; ")}]`;
  }
  return `[${data.map((v) => format(v)).join(", ")}]`;
}

/** The transpose of a matrix; a vector [n] becomes the column [n, 1], a scalar stays. */
export function transposeValues(values: Values): Values {
  const { shape, data } = values;
  if (shape.length === 0) return values;
  if (shape.length === 1) return { shape: [shape[0] ?? 0, 1], data };
  const [m = 0, n = 0] = shape;
  const out: number[] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < m; i++) out.push(data[i * n + j] ?? Number.NaN);
  return { shape: [n, m], data: out };
}

/**
 * Plain-text rows of a tensor as the equations show it (up to 4×4, see `isSmall`): one line
 * for a scalar or a row (`[0.7, −0.4]`), `;` between the entries of a column (`[0.7; −0.4]`),
 * one line per row for a matrix (`[0.5, −0.3;`, ` 0.2, 0.8]`); beyond 4×4, its shape (`[5×6]`).
 */
export function formatMatrixLines(values: Values): string[] {
  const { shape, data } = values;
  if (data.length === 1) return [formatNumber(data[0] ?? Number.NaN)];
  if (!isSmall(shape)) return [`[${formatShape(shape)}]`];
  const [m = 1, n = data.length] = shape.length === 2 ? shape : [1, data.length];
  const f = (v: number | undefined): string => formatNumber(v ?? Number.NaN);
  if (n === 1) return [`[${data.map(f).join("; ")}]`];
  const rows: string[] = [];
  for (let i = 0; i < m; i++)
    rows.push(
      data
        .slice(i * n, (i + 1) * n)
        .map(f)
        .join(", "),
    );
  return rows.map((r, i) => `${i === 0 ? "[" : " "}${r}${i === m - 1 ? "]" : ";"}`);
}
