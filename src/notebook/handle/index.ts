export type { CellCode, ClientCell, NotebookHandle } from "./notebook-handle.ts";
