// Numbers as a lecturer writes them: about four significant digits, in TeX and in plain text.
// Only the display is rounded; traces keep the exact Float64 values.
import type { Values } from "./types.ts";

/** Largest side shown in full as a matrix in the equations; beyond it, only the shape. */
export const MATRIX_LIMIT = 4;

function trimMantissa(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** Splits v into a 4-significant-digit mantissa string and an exponent (0 when not needed). */
function roundParts(v: number, digits: number): { mantissa: string; exponent: number } {
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-3)) {
    const [m, e] = v.toExponential(digits - 1).split("e");
    return { mantissa: trimMantissa(m ?? "0"), exponent: Number(e) };
  }
  const s = Number(v.toPrecision(digits)).toString();
  return { mantissa: s === "-0" ? "0" : s, exponent: 0 };
}

/** Plain text, Unicode minus: `-0.8` → `−0.8`, `1.234e-5` → `1.234e−5`. */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  const { mantissa, exponent } = roundParts(v, digits);
  const text = exponent === 0 ? mantissa : `${mantissa}e${exponent}`;
  return text.replaceAll("-", "−");
}

/** TeX for a number: `-0.8`, `1.2\times 10^{-5}`. */
export function texNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "\\text{NaN}";
  if (!Number.isFinite(v)) return v > 0 ? "\\infty" : "-\\infty";
  const { mantissa, exponent } = roundParts(v, digits);
  return exponent === 0 ? mantissa : `${mantissa}\\times 10^{${exponent}}`;
}

/** A number as a factor in a product: negatives and powers of ten get parentheses. */
export function texFactor(v: number): string {
  const t = texNumber(v);
  return t.startsWith("-") || t.includes("\\times") ? `(${t})` : t;
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

/** Plain text for a drawing: a number, up to `maxItems` numbers in brackets, else the shape. */
export function formatValues(values: Values, maxItems = 4): string {
  const { shape, data } = values;
  if (data.length === 1) return formatNumber(data[0] ?? Number.NaN);
  if (data.length > maxItems) return `[${formatShape(shape)}]`;
  if (shape.length === 2 && (shape[0] ?? 0) > 1 && (shape[1] ?? 0) > 1) {
    const n = shape[1] ?? 1;
    const rows: string[] = [];
    for (let i = 0; i < data.length; i += n) {
      rows.push(
        data
          .slice(i, i + n)
          .map((v) => formatNumber(v))
          .join(", "),
      );
    }
    return `[${rows.join("; ")}]`;
  }
  return `[${data.map((v) => formatNumber(v)).join(", ")}]`;
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
