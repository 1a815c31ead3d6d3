// The library's export names, for completion and for edits that use an export the chapter's
// own cells do not (the page's runtime only defines the ones they use). Read from the module
// cells load the library from, fetched in the background when the editor opens.

let names: string[] = [];
let module: Promise<Record<string, unknown>> | undefined;

function loadLibrary(): Promise<Record<string, unknown>> {
  module ??= import("../../core.ts").then((m) => {
    names = Object.keys(m).sort();
    return m as Record<string, unknown>;
  });
  return module;
}

/** The export names known so far (empty until the library has loaded). */
export function libraryNames(): readonly string[] {
  void loadLibrary();
  return names;
}

/** One export, for a built-in defined after the page started. */
export function loadLibraryExport(name: string): Promise<unknown> {
  return loadLibrary().then((m) => m[name]);
}

/** Starts loading the names now (they are ready by the time the reader has typed something). */
export function preloadLibraryNames(): Promise<unknown> {
  return loadLibrary();
}
