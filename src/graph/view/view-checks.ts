// The two checks a reader can switch on, for the granularity the view shows: finite
// differences beside every gradient (computed once per granularity) with a status line that
// names any mismatch, and the nudge panel.
import { finiteDifferences } from "../model/grad-check.ts";
import type { GradCheck } from "../render/render-svg.ts";
import type { GraphModel } from "./graph-model.ts";
import { createNudgePanel } from "./nudge-panel.ts";

/** What the checks need of one granularity: its model, and why it cannot be re-run, if so. */
export interface Checkable {
  readonly model: GraphModel;
  readonly unreplayable: string | null;
  checks?: ReadonlyMap<string, GradCheck>;
}

/**
 * Computes (once) the finite-difference estimates of `drawn` and says in `status` whether they
 * agree with the gradients. Returns false, with the reason in `status`, when the graph cannot
 * be re-run.
 */
export function switchChecksOn(drawn: Checkable, status: HTMLElement): boolean {
  try {
    if (drawn.unreplayable)
      throw new Error(`finite differences: the op "${drawn.unreplayable}" cannot be re-run here`);
    drawn.checks ??= finiteDifferences(drawn.model.computation);
    const bad = [...drawn.checks.entries()]
      .filter(([, c]) => !c.ok)
      .map(([id]) => drawn.model.lookup(id).label);
    status.textContent = bad.length
      ? `Finite differences disagree with the gradient at ${bad.join(", ")} (flagged ✗).`
      : `Finite differences agree with every gradient (${drawn.checks.size} nodes checked).`;
    return true;
  } catch (error) {
    status.textContent = (error as Error).message;
    return false;
  }
}

/** Fills `box` with the nudge panel of `drawn` (or says why it cannot nudge). */
export function fillNudge(doc: Document, box: HTMLElement, drawn: Checkable): void {
  box.replaceChildren(
    drawn.unreplayable
      ? Object.assign(doc.createElement("p"), {
          textContent: `Nudge: the op "${drawn.unreplayable}" cannot be re-run here.`,
        })
      : createNudgePanel(doc, drawn.model.computation),
  );
}
