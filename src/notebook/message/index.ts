// Messages to the reader as DOM nodes, shared by the cells, the sandbox and the exercises.
export { messageNodes } from "./message-nodes.ts";
