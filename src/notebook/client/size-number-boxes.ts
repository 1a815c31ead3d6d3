// Number boxes wide enough for every value they can hold: Observable Inputs gives a range's
// number box whatever its flex row leaves, so "10000" of a 10–50000 slider showed as "100…".
// Each box gets `--number-chars`, the longest of its min, max and value written with its
// step's decimals; cells.css turns that into a minimum width.

/** Decimals a step of `step` writes (0.001 → 3). */
function decimals(step: string): number {
  const n = Number(step);
  if (!Number.isFinite(n) || n <= 0) return 0;
  const text = String(n);
  const exp = text.match(/e-(\d+)$/);
  if (exp) return Number(exp[1]);
  return text.split(".")[1]?.length ?? 0;
}

/** The characters the widest value of `input` needs. */
export function numberChars(input: {
  min: string;
  max: string;
  step: string;
  value: string;
}): number {
  const places = decimals(input.step);
  const widths = [input.min, input.max, input.value]
    .filter((v) => v !== "" && Number.isFinite(Number(v)))
    .map((v) => Number(v).toFixed(Math.min(places, 6)).length);
  return Math.max(3, input.value.length, ...widths);
}

/** Sets `--number-chars` on every number box in `root` (or `root` itself). */
export function sizeNumberBoxes(root: unknown): void {
  if (typeof Element === "undefined" || !(root instanceof Element)) return;
  const boxes = root.matches('input[type="number"]')
    ? [root as HTMLInputElement]
    : root.querySelectorAll<HTMLInputElement>('input[type="number"]');
  for (const box of boxes) box.style.setProperty("--number-chars", String(numberChars(box)));
}
