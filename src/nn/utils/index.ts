export { clipGradNorm } from "./clipGradNorm.ts";
