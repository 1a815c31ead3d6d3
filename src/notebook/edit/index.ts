// The editor's chunk, fetched on the first Edit click. The compiler (compile-edit.ts, with
// acorn) is not re-exported here: it is a chunk of its own, fetched once the editor shows.
export type { CompiledEdit, EditContext, EditError } from "./compile-edit.ts";
export { resetCell, restoreEdit, runCell, showEditor, toggleEditor } from "./open-editor.ts";
