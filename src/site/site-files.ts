import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * The files a site build reads and writes, behind four calls: the build's stages take one of
 * these instead of touching the disk, so each runs in a test on a few files held in memory.
 * Paths are absolute.
 */
export interface SiteFiles {
  /** The names in a folder, sorted; none when the folder does not exist. */
  list(dir: string): string[];
  exists(path: string): boolean;
  read(path: string): string;
  /** Writes a file, making its folders. */
  write(path: string, contents: string | Uint8Array): void;
}

/** The real disk. */
export const diskFiles: SiteFiles = {
  list: (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []),
  exists: (path) => existsSync(path),
  read: (path) => readFileSync(path, "utf8"),
  write(path, contents) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
  },
};

/** Files held in a map (tests; a build that is only looked at). `files` holds what was written. */
export function memoryFiles(
  initial: Record<string, string> = {},
): SiteFiles & { files: Map<string, string | Uint8Array> } {
  const files = new Map<string, string | Uint8Array>(
    Object.entries(initial).map(([path, text]) => [resolve(path), text]),
  );
  const inside = (dir: string): string[] => {
    const prefix = `${resolve(dir)}/`;
    const names = [...files.keys()]
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length).split("/")[0]);
    return [...new Set(names)].sort();
  };
  return {
    files,
    list: inside,
    exists: (path) => files.has(resolve(path)) || inside(path).length > 0,
    read(path) {
      const found = files.get(resolve(path));
      if (found === undefined) throw new Error(`no such file: ${path}`);
      return typeof found === "string" ? found : new TextDecoder().decode(found);
    },
    write(path, contents) {
      files.set(resolve(path), contents);
    },
  };
}
