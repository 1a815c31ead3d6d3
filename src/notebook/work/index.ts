// The reader's work (edited cells, typed answers, passed exercises), kept in the browser's
// storage per page: the page's controls, the editor and the exercises all read and write it.
export {
  clearWork,
  emptyWork,
  exportWork,
  importWork,
  loadWork,
  type PageWork,
  pageKey,
  updateWork,
  type WorkFile,
} from "./saved-work.ts";
