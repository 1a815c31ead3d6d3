import { dirname, join, resolve, sep } from "node:path";
import { watch } from "chokidar";

/** A running watch: `ready` once the folders are scanned, `close()` to stop. */
export interface FolderWatch {
  ready: Promise<void>;
  close(): Promise<void>;
}

// Editors' scratch files: vim's swap files and its write test (4913), backups ending in ~.
const SCRATCH = /(^|[/\\])(node_modules|\.git)([/\\]|$)|\.sw[px]$|~$|[/\\]4913$/;

/**
 * Calls `onChange` once things settle after any change under `dirs` (recursive, debounced),
 * with the last file changed and every file of the burst.
 *
 * chokidar rather than fs.watch: fs.watch follows an inode, so an editor that saves by writing
 * a temp file and renaming it over the original (vim, JetBrains, `sed -i`) leaves it watching
 * the deleted file, and a folder moved away and back is never watched again. chokidar watches
 * each folder's entries by name, re-attaches after renames (its `atomic` mode folds a delete
 * followed by a re-create into one change) and picks up folders that appear later, including
 * ones missing at the start.
 */
export function watchFolders(
  dirs: readonly string[],
  onChange: (file: string, files: string[]) => void,
  delay = 150,
): FolderWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let burst = new Set<string>();
  const report = (path: string): void => {
    const file = join(path);
    burst.delete(file);
    burst.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...burst];
      burst = new Set();
      onChange(file, files);
    }, delay);
  };
  // Each folder is watched from its parent, limited to it: chokidar then treats it as any
  // subfolder, so a watched folder moved away and back (or not there yet) is watched when it
  // appears. One watcher per parent: with several paths, chokidar says ready once per path,
  // the first time before the others are watched.
  const folders = dirs.map((d) => resolve(d));
  const parents = [...new Set(folders.map((d) => dirname(d)))];
  const watchers = parents.map((parent) => {
    const mine = folders.filter((d) => dirname(d) === parent);
    const outside = (path: string): boolean =>
      path !== parent && !mine.some((d) => path === d || path.startsWith(d + sep));
    const watcher = watch(parent, {
      ignoreInitial: true,
      ignored: (path: string) => outside(resolve(path)) || SCRATCH.test(path),
      atomic: true,
    });
    watcher.on("all", (_event, path) => {
      if (!outside(resolve(path))) report(path);
    });
    // A watch that fails (too many watched files, a folder without read access) is reported
    // and leaves the server running.
    watcher.on("error", (error) => console.error(`watching ${mine.join(", ")}: ${String(error)}`));
    return watcher;
  });
  return {
    ready: Promise.all(
      watchers.map((w) => new Promise<void>((resolve) => w.once("ready", () => resolve()))),
    ).then(() => undefined),
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
}
