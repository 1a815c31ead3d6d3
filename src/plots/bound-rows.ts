/** How a live plot keeps a dataset's history within its limit. */
export type HistoryMode = "downsample" | "window";

/**
 * `rows` cut back to at most `limit` when they grew past it. "downsample" drops every other
 * row, keeping the first and the newest, so a whole training run stays in view at half the
 * density (it halves each time the limit is reached: amortised O(1) per row); "window" keeps
 * the newest `limit` rows. Returns `rows` itself when nothing had to go.
 */
export function boundRows<T>(rows: T[], limit: number, mode: HistoryMode): T[] {
  if (rows.length <= limit) return rows;
  if (mode === "window" || limit < 3) return rows.slice(rows.length - limit);
  const last = rows.length - 1;
  let kept = rows.filter((_, i) => i % 2 === 0 || i === last);
  while (kept.length > limit) {
    const end = kept.length - 1;
    kept = kept.filter((_, i) => i % 2 === 0 || i === end);
  }
  return kept;
}
