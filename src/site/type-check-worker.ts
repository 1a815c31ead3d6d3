// The dev server's type checker, in a process of its own (started by type-check.ts): after
// every check it sends the project's type errors (an empty list when it checks clean).
import { PROJECT } from "./project.ts";
import { watchTypes } from "./watch-types.ts";

watchTypes(PROJECT, (problems) => process.send?.({ problems }));
// The dev server went away: so does this checker.
process.on("disconnect", () => process.exit(0));
