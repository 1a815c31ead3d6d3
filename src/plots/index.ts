// The `plots` built-in: Vega-Lite views in the site's colours, and live views for training.
export { type LiveOptions, type LivePlot, live } from "./live.ts";
export { OKABE_ITO, type PlotTheme, readTheme, vegaLiteConfig } from "./palette.ts";
export { type PlotElement, type VegaLiteOptions, vegaLite } from "./vega-lite.ts";
