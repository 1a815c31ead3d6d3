// Ids that are unique within one document (the SVG's arrow marker, the table a button controls).
// Counted per document, and checked against the ids already there, so two graphs on a page, a
// re-run cell or a second window never share one.

const counters = new WeakMap<Document, number>();

/** An id starting with `prefix` that no element of `doc` has and no earlier call returned. */
export function uniqueId(doc: Document, prefix: string): string {
  let n = counters.get(doc) ?? 0;
  let id: string;
  do id = `${prefix}-${++n}`;
  while (doc.getElementById(id));
  counters.set(doc, n);
  return id;
}
