// The `plots` built-in: Vega-Lite views in the site's colours, and live views for training.
export { live, type LiveOptions, type LivePlot } from "./live.ts";
export { OKABE_ITO, readTheme, vegaLiteConfig, type PlotTheme } from "./palette.ts";
export { vegaLite, type PlotElement, type VegaLiteOptions } from "./vegaLite.ts";
