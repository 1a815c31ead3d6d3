// The text builders the op registry's TeX and word templates are written with
// (tensor/op-definition.ts, `Notation`): the tex/ stage's own, so an op's TeX reads exactly
// like the layered formulas around it.
import type { Notation } from "../../tensor/op-definition.ts";
import { formatNumber, texNumber } from "../model/format.ts";
import { raise, times, transposed, unwrap } from "./tex-parts.ts";

export const NOTATION: Notation = {
  unwrap,
  raise,
  times,
  transposed,
  texNumber: (v) => texNumber(v),
  formatNumber: (v) => formatNumber(v),
};
