// What the site's plots need of Vega, and no more: the package's own entry (vega/index.js)
// also registers geo, force, hierarchy, label, voronoi, word-cloud and crossfilter transforms,
// which Vega-Lite's charts here never use. The build points every `import "vega"` in the
// browser bundle here (see bundle-plugins.ts); the types still come from vega itself.
import { transforms } from "vega-dataflow";
import * as encode from "vega-encode";
import * as regression from "vega-regression";
import * as tx from "vega-transforms";
import { extend } from "vega-util";
import * as vtx from "vega-view-transforms";

extend(transforms, tx, vtx, encode, regression);

export { changeset, transforms } from "vega-dataflow";
export { expressionFunction } from "vega-functions";
export { parse } from "vega-parser";
export { scheme } from "vega-scale";
export * from "vega-util";
export { View } from "vega-view";
