/** The part of Vega's changeset this module builds. */
export interface Changeset {
  insert(rows: unknown[]): Changeset;
  remove(rows: unknown[]): Changeset;
  modify(tuple: unknown, field: string, value: unknown): Changeset;
}

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => value !== null && typeof value === "object";

/**
 * The changes that turn the tuples a view holds (`current`) into `rows`, reusing the tuples:
 * the first rows are written into the tuples already there, field by field, and only the
 * difference in count is inserted or removed. Vega gives every inserted tuple a new id and some
 * of its operators keep a slot per id ever seen (a derived dataset's lookup sets a removed id to
 * null and never lets it go), so replacing a 121-point curve with fresh tuples sixty times a
 * second grew the page by megabytes a minute while a network trained; modified tuples keep
 * their ids and cost nothing to keep.
 */
export function replaceRows(
  changes: Changeset,
  current: readonly unknown[],
  rows: readonly unknown[],
): Changeset {
  const reused = Math.min(current.length, rows.length);
  for (let i = 0; i < reused; i++) {
    const tuple = current[i];
    const row = rows[i];
    if (!isRow(tuple) || !isRow(row)) {
      changes.remove([tuple]).insert([copyOf(row)]);
      continue;
    }
    for (const field of Object.keys(row)) {
      if (!Object.is(tuple[field], row[field])) changes.modify(tuple, field, row[field]);
    }
    for (const field of Object.keys(tuple)) {
      if (!(field in row)) changes.modify(tuple, field, undefined);
    }
  }
  if (current.length > reused) changes.remove(current.slice(reused));
  // Copies: a row kept from before may be a tuple the view holds now (Vega marks inserted
  // objects as its own), perhaps removed in this same change.
  if (rows.length > reused) changes.insert(rows.slice(reused).map(copyOf));
  return changes;
}

/** A row's own fields, without the id Vega stamped on it (a spread would copy that symbol). */
const copyOf = (row: unknown): unknown =>
  isRow(row) ? Object.fromEntries(Object.entries(row)) : row;
