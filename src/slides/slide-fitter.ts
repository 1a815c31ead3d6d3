// Fitting a slide costs several layouts (a graph or a page of KaTeX makes each one slow), so the
// fit is remembered per slide together with the sizes of the slide's children it was found
// for. Coming back to a slide, moving it (presenter frames) or rescaling it (a resized window)
// reuses the fit; only a change in the content itself fits again.
import {
  applyPlacement,
  placeSlide,
  type SlideFit,
  unplaceSlide,
  warnOverflow,
} from "./place-slide.ts";
import { contentFit, type Placement, SLIDE_HEIGHT } from "./stage-geometry.ts";

interface Remembered extends SlideFit {
  /** The children's sizes when the fit was found. */
  readonly signature: string;
}

/** The children's laid-out sizes, as one string (reading them costs one layout at most). */
function signatureOf(section: HTMLElement): string {
  let signature = "";
  for (const child of section.children) {
    const el = child as HTMLElement;
    signature += `${el.offsetWidth}x${el.offsetHeight},`;
  }
  return signature;
}

/** Places slides, fitting their content, and remembers each fit. */
export class SlideFitter {
  private memo = new WeakMap<HTMLElement, Remembered>();

  /** Places `section`, fitting again only when its content changed since the last fit. */
  place(section: HTMLElement, placement: Placement): void {
    const known = this.memo.get(section);
    if (known && known.signature === signatureOf(section)) {
      applyPlacement(section, placement, known.fit, known.contentWidth);
      warnOverflow(section, placement.slideWidth);
      return;
    }
    const fit = placeSlide(section, placement);
    this.memo.set(section, { ...fit, signature: signatureOf(section) });
  }

  /** True when `section` has a remembered fit (it may still be stale). */
  knows(section: HTMLElement): boolean {
    return this.memo.has(section);
  }

  /**
   * Fits `section` ahead of its showing, without warning about overflow yet (it is reported
   * when shown): the slide change then only checks the fit against the content.
   */
  prefit(section: HTMLElement, placement: Placement): void {
    const fit = placeSlide(section, placement, { quiet: true });
    this.memo.set(section, { ...fit, signature: signatureOf(section) });
  }

  /**
   * Places many small slides at once (the overview) with three layouts in all, however many
   * slides. Known fits are reused as they are.
   */
  placeMany(sections: readonly HTMLElement[], placements: readonly Placement[]): void {
    const fresh: [HTMLElement, Placement][] = [];
    sections.forEach((section, i) => {
      const placement = placements[i];
      if (!placement) return;
      const known = this.memo.get(section);
      if (known) applyPlacement(section, placement, known.fit, known.contentWidth);
      else {
        applyPlacement(section, placement, 1);
        fresh.push([section, placement]);
      }
    });
    // All reads after all writes: one layout per round for the whole batch. The shrink
    // measured at full size surely fits but is too small for text, which rewraps into fewer
    // lines as the slide widens: text keeping its area fits at the square root of that shrink,
    // so try that first and fall back to the safe guess where it overflows.
    const safe = fresh.map(([section, placement]) =>
      contentFit(section.scrollWidth, section.scrollHeight, 0.5, placement.slideWidth),
    );
    fresh.forEach(([section, placement], i) => {
      applyPlacement(section, placement, Math.sqrt(safe[i] ?? 1));
    });
    const overflowing = fresh.map(([section], i) => {
      const fit = Math.sqrt(safe[i] ?? 1);
      return section.scrollHeight > SLIDE_HEIGHT / fit + 1;
    });
    fresh.forEach(([section, placement], i) => {
      if (overflowing[i]) applyPlacement(section, placement, safe[i] ?? 1);
    });
  }

  /** Removes the placement and forgets the fit (leaving the deck). */
  release(section: HTMLElement): void {
    unplaceSlide(section);
    this.memo.delete(section);
  }
}
