import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder (client code, styles and node_modules are read from here). */
export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
