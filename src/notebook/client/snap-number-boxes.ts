// A number box typed past its slider's range: Observable Inputs moves the slider to the nearest
// end but leaves the box showing what was typed and keeps the previous value for the cells, so
// the box, the slider and the numbers below disagreed three ways (chapter 1: "5" typed into a
// −2…2 box). When the reader commits an out-of-range entry (Enter or leaving the box), the box
// snaps to the nearest allowed value and tells the input, so all three agree again.

/** The allowed value nearest `value` for a box with these `min`, `max` and `step` attributes. */
export function snapValue(value: number, min: string, max: string, step: string): number | null {
  if (!Number.isFinite(value)) return null;
  const lo = min === "" ? -Infinity : Number(min);
  const hi = max === "" ? Infinity : Number(max);
  let v = Math.min(hi, Math.max(lo, value));
  const s = Number(step);
  if (step !== "" && step !== "any" && Number.isFinite(s) && s > 0 && Number.isFinite(lo)) {
    // Round to the step grid from min, then keep it inside the range; toFixed drops float dust.
    const places = (String(s).split(".")[1] ?? "").length;
    v = Number((lo + Math.round((v - lo) / s) * s).toFixed(places));
    if (v > hi) v = Number((v - s).toFixed(places));
  }
  return v;
}

/** Snaps a committed out-of-range number box in `root` to its range (one listener for the page). */
export function snapNumberBoxes(root: Document): void {
  root.addEventListener(
    "change",
    (event) => {
      const box = event.target;
      if (!(box instanceof HTMLInputElement) || box.type !== "number") return;
      if (!box.validity.rangeOverflow && !box.validity.rangeUnderflow) return;
      const snapped = snapValue(box.valueAsNumber, box.min, box.max, box.step);
      if (snapped === null) return;
      box.valueAsNumber = snapped;
      // Inputs listens for "input" on the box; a valid value now reaches the slider and the cells.
      box.dispatchEvent(new Event("input", { bubbles: true }));
    },
    true,
  );
}
