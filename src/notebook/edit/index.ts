export { codeOfCell } from "./code-of-cell.ts";
export {
  type CompiledEdit,
  compileEdit,
  type EditContext,
  type EditError,
} from "./compile-edit.ts";
export { resetCell, restoreEdit, runCell, showEditor, toggleEditor } from "./open-editor.ts";
