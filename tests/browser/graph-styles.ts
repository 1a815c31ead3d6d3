// The stylesheet a page showing only the graph view links as graph.css, once styles/ is copied
// beside it: the scheme switch (light or dark, as on the site) and the graph's own styles.
export const GRAPH_CSS = '@import "styles/scheme.css";\n@import "styles/graph/index.css";\n';
