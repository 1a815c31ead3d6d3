// The top and bottom margins of a drawing, from what reaches past the node boxes: the current
// step's halo all round, and above a node the caption of its op. A fixed margin big enough for
// a caption on the top row left an empty band at the top and the bottom of most drawings, and
// on a slide, where a wide drawing is scaled to fit its height, that band was type size lost.
import type { NodeBox, Trace } from "../model/index.ts";
import { SMALL_TEXT } from "./check-labels.ts";
import type { RawEdge } from "./edge-routes.ts";

/** How far the current step's halo (a 16 px stroke round the outline) reaches, with air, px. */
export const HALO_REACH = 10;
/** Room above a node for its op caption (baseline `captionGap` above the top), px. */
export const CAPTION_REACH = SMALL_TEXT.captionGap + SMALL_TEXT.captionSize + 4;

/** A layout before its edges are routed: node boxes, edge bends, the drawing's size. */
export interface Placed {
  nodes: NodeBox[];
  raw: RawEdge[];
  width: number;
  height: number;
}

/** Moves the drawing up or down so its content starts at the top, and ends its height there. */
export function trimHeight(placed: Placed, trace: Trace): Placed {
  if (placed.nodes.length === 0) return placed;
  const captioned = new Set(trace.nodes.filter((n) => n.op !== "leaf").map((n) => n.id));
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const b of placed.nodes) {
    top = Math.min(top, b.y - b.height / 2 - (captioned.has(b.id) ? CAPTION_REACH : HALO_REACH));
    bottom = Math.max(bottom, b.y + b.height / 2 + HALO_REACH);
  }
  for (const { bends } of placed.raw) {
    for (const p of bends) {
      top = Math.min(top, p.y - HALO_REACH);
      bottom = Math.max(bottom, p.y + HALO_REACH);
    }
  }
  const up = <T extends { y: number }>(p: T): T => ({ ...p, y: p.y - top });
  return {
    nodes: placed.nodes.map(up),
    raw: placed.raw.map((r) => ({ ...r, bends: r.bends.map(up) })),
    width: placed.width,
    height: bottom - top,
  };
}
