export { clipGradNorm } from "./clip-grad-norm.ts";
