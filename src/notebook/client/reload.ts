// Dev only (`npm start`): reload the page when the site has been rebuilt, and show why when a
// rebuild failed (the server repeats that to pages that connect later, until the next build),
// and the type checker's errors while there are any.
import { showBuildErrors, showTypeErrors } from "./build-error-overlay.ts";

const source = new EventSource(new URL("/__reload", location.href));
source.addEventListener("reload", () => location.reload());
source.addEventListener("build-error", (event) => {
  showBuildErrors(JSON.parse((event as MessageEvent<string>).data) as string[]);
});
source.addEventListener("type-errors", (event) => {
  showTypeErrors(JSON.parse((event as MessageEvent<string>).data) as string[]);
});
