// Presses → through a bench page's whole timeline, from Home to the last backward step, and
// times a sample of the presses: each from the key event until the view has updated and style
// and layout are done. Every press is checked to have moved exactly one step, so none past the
// end is counted.
import type { Page } from "playwright-core";

/** One timed step change: the position it moved to, forward or backward, and its time. */
export interface StepTime {
  readonly position: number;
  readonly kind: "forward" | "backward";
  readonly ms: number;
}

/** The timed steps, and how many steps the timeline has (every one of them is pressed). */
export type StepTimes = StepTime[] & { total: number };

/**
 * Presses → from Home to the end of the timeline on the page's `#bench` view. With `pause`, each
 * timed press waits for idle time first (a person's pace, which the view uses to typeset the
 * next equations); without it, presses come back to back.
 */
export async function timeSteps(page: Page, max: number, pause: boolean): Promise<StepTimes> {
  const out = await page.evaluate(
    async ([maxTimed, withPause]) => {
      const root = document.querySelector<HTMLElement>("#bench");
      if (!root) throw new Error("bench page: no #bench view");
      // No named functions in here: the bundler would wrap them in a helper the page lacks.
      root.focus();
      root.dispatchEvent(new KeyboardEvent("keydown", { key: "End", bubbles: true }));
      const total = Number(root.dataset.position);
      root.dispatchEvent(new KeyboardEvent("keydown", { key: "Home", bubbles: true }));
      if (Number(root.dataset.position) !== 0)
        throw new Error(`Home went to position ${root.dataset.position}, not 0`);
      const forward = Number(document.body.dataset.forwardSteps);
      // Timed positions: all of them, or `maxTimed` spread evenly from the first to the last.
      const timed = new Set<number>();
      if (total <= maxTimed) for (let p = 1; p <= total; p++) timed.add(p);
      else
        for (let k = 0; k < maxTimed; k++)
          timed.add(1 + Math.round((k * (total - 1)) / (maxTimed - 1)));
      const steps: { position: number; kind: "forward" | "backward"; ms: number }[] = [];
      for (let p = 1; p <= total; p++) {
        const measure = timed.has(p);
        if (measure && withPause)
          await new Promise((done) => requestIdleCallback(done, { timeout: 300 }));
        const t0 = performance.now();
        root.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
        root.getBoundingClientRect(); // style and layout of what changed
        const dt = performance.now() - t0;
        if (Number(root.dataset.position) !== p)
          throw new Error(`→ went to position ${root.dataset.position}, expected ${p}`);
        if (measure)
          steps.push({ position: p, kind: p <= forward ? "forward" : "backward", ms: dt });
      }
      return { steps, total };
    },
    [max, pause] as const,
  );
  return Object.assign(out.steps, { total: out.total });
}
