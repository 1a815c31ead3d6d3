// Dev only (`npm start`): reload the page when the site has been rebuilt.
const source = new EventSource(new URL("/__reload", location.href));
source.addEventListener("reload", () => location.reload());
