// Everything a reader typed, kept in the browser's localStorage under one key per page, so it
// survives a reload or a new visit; exported as one JSON file for the whole site and imported
// back. Nothing leaves the browser. A browser that refuses storage (a private mode, a full
// quota) still lets the reader work; it only forgets on reload.

/** What a reader typed on one page. */
export interface PageWork {
  /** Edited code of cells, by cell id. */
  cells: Record<string, string>;
  /** Values of lab code boxes and typed answers, by field key. */
  fields: Record<string, string>;
  /** Exercises passed, by exercise id. */
  done: Record<string, true>;
}

/** The exported file: every page's work. */
export interface WorkFile {
  format: "backprop-notebook-work";
  version: 1;
  exported: string;
  pages: Record<string, PageWork>;
}

const PREFIX = "backprop-notebook:work:";

/** The page's key: its path within the site ("chapters/05-chain-rule/"). */
export function pageKey(path = location.pathname): string {
  const match = /(chapters|labs)\/[^/]+\/?$/.exec(path);
  return match ? match[0].replace(/\/?$/, "/") : path;
}

export function emptyWork(): PageWork {
  return { cells: {}, fields: {}, done: {} };
}

/** The page's saved work (empty when there is none or it cannot be read). */
export function loadWork(key = pageKey()): PageWork {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text ? normalise(JSON.parse(text)) : emptyWork();
  } catch {
    return emptyWork();
  }
}

/** Changes the page's saved work; an empty record removes the page's entry. */
export function updateWork(change: (work: PageWork) => void, key = pageKey()): PageWork {
  const work = loadWork(key);
  change(work);
  try {
    if (isEmpty(work)) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(work));
  } catch {
    // No storage: the work stays on the page until it is closed.
  }
  document.dispatchEvent(new CustomEvent("work-saved", { detail: { key } }));
  return work;
}

/** Forgets what was typed on one page. */
export function clearWork(key = pageKey()): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing was kept
  }
}

/** Every page's saved work, as the file "Export my work" downloads. */
export function exportWork(): WorkFile {
  const pages: Record<string, PageWork> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name?.startsWith(PREFIX))
        pages[name.slice(PREFIX.length)] = loadWork(name.slice(PREFIX.length));
    }
  } catch {
    // no storage, nothing to export
  }
  return {
    format: "backprop-notebook-work",
    version: 1,
    exported: new Date().toISOString(),
    pages,
  };
}

/**
 * Restores an exported file: each page in it replaces what is saved for that page (pages not
 * in the file keep theirs). Returns how many pages came back; throws a message for a file
 * that is not one of ours.
 */
export function importWork(text: string): number {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("this file is not JSON; choose the file that “Export my work” saved");
  }
  const file = data as Partial<WorkFile> | null;
  if (file?.format !== "backprop-notebook-work" || typeof file.pages !== "object" || !file.pages)
    throw new Error(
      "this JSON file is not saved work from these notes; choose the file that “Export my work” saved",
    );
  let count = 0;
  for (const [key, work] of Object.entries(file.pages)) {
    localStorage.setItem(PREFIX + key, JSON.stringify(normalise(work)));
    count++;
  }
  return count;
}

function normalise(value: unknown): PageWork {
  const v = (value ?? {}) as Partial<PageWork>;
  const strings = (r: unknown): Record<string, string> =>
    Object.fromEntries(
      Object.entries((r ?? {}) as Record<string, unknown>).filter(([, x]) => typeof x === "string"),
    ) as Record<string, string>;
  const done = Object.fromEntries(
    Object.entries((v.done ?? {}) as Record<string, unknown>)
      .filter(([, x]) => x === true)
      .map(([k]) => [k, true as const]),
  );
  return { cells: strings(v.cells), fields: strings(v.fields), done };
}

function isEmpty(work: PageWork): boolean {
  return (
    Object.keys(work.cells).length === 0 &&
    Object.keys(work.fields).length === 0 &&
    Object.keys(work.done).length === 0
  );
}
