// The presenter bar's plan: each slide's share of the lecture, from the "About N minutes" in its
// notes and the chapter's `duration` (minutes) when the page gives one (pacing.ts).
import { notesMinutes, planSlides } from "./pacing.ts";
import type { PresenterView } from "./presenter-view.ts";

/** Gives `presenter` the plan for `sections`; `duration` is the article's data-duration. */
export function planLecture(
  presenter: PresenterView,
  sections: readonly HTMLElement[],
  duration: string | undefined,
): void {
  // The cover (the chapter's title, cover-slide.ts) is on screen while the room settles: no time.
  const minutes = sections.map((section) =>
    section.classList.contains("deck-cover")
      ? 0
      : notesMinutes(
          Array.from(section.querySelectorAll("aside.notes"), (n) => n.textContent ?? "").join(" "),
        ),
  );
  const planned = Number(duration);
  const total = Number.isFinite(planned) && planned > 0 ? planned : null;
  presenter.setPlan(planSlides(minutes, total), total);
}
