// The presenter window's panels: the live current slide on the left, the next slide and the
// speaker notes on the right, and a bar with the slide number, elapsed time and the clock.
// The slides themselves are the page's own sections, placed over the two frames by the deck.
import { paceAt, type SlidePlan } from "./pacing.ts";
import {
  elapsed,
  formatDuration,
  pauseStopwatch,
  STOPPED,
  type Stopwatch,
  startStopwatch,
} from "./stopwatch.ts";

/** What the presenter panels show for one position in the deck. */
export interface PresenterContent {
  readonly slide: number;
  readonly count: number;
  readonly title: string;
  /** Title of the next slide, null on the last slide. */
  readonly nextTitle: string | null;
  /** The slide's speaker notes (asides rendered at build time); empty when it has none. */
  readonly notes: readonly Element[];
}

/** The presenter panels, their timer and clock. */
export class PresenterView {
  readonly root: HTMLElement;
  readonly currentFrame: HTMLElement;
  readonly nextFrame: HTMLElement;
  private readonly position: HTMLElement;
  private readonly nextTitle: HTMLElement;
  private readonly notes: HTMLElement;
  private readonly elapsedText: HTMLElement;
  private readonly clockText: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly audienceState: HTMLElement;
  private readonly paceText: HTMLElement;
  private watch: Stopwatch = STOPPED;
  private readonly ticker: number;
  private plan: readonly SlidePlan[] = [];
  private duration: number | null = null;
  private slide = 0;

  /**
   * `storageKey` names the timer in sessionStorage, so a reload of the presenter window keeps
   * counting from where it was (the time source is the wall clock for the same reason).
   */
  constructor(
    private readonly doc: Document,
    private readonly now: () => number = () => Date.now(),
    private readonly storageKey: string | null = null,
  ) {
    const html = (tag: string, className: string, text = ""): HTMLElement => {
      const el = doc.createElement(tag);
      el.className = className;
      el.textContent = text;
      return el;
    };
    this.root = html("div", "presenter");
    this.root.setAttribute("role", "region");
    this.root.setAttribute("aria-label", "Presenter view");
    const bar = html("header", "presenter-bar");
    this.position = html("div", "presenter-position");
    this.audienceState = html("div", "presenter-audience", "Audience screen blank");
    this.audienceState.hidden = true;
    const timer = html("div", "presenter-timer");
    this.elapsedText = html("span", "presenter-elapsed", "0:00");
    this.elapsedText.setAttribute("aria-label", "Elapsed time");
    this.startButton = html("button", "presenter-timer-start", "Start") as HTMLButtonElement;
    this.startButton.type = "button";
    this.startButton.addEventListener("click", () => this.toggleTimer());
    const reset = html("button", "presenter-timer-reset", "Reset") as HTMLButtonElement;
    reset.type = "button";
    reset.addEventListener("click", () => this.resetTimer());
    this.paceText = html("span", "presenter-pace");
    this.paceText.hidden = true;
    timer.append(this.elapsedText, this.paceText, this.startButton, reset);
    this.clockText = html("div", "presenter-clock");
    this.clockText.setAttribute("aria-label", "Clock");
    bar.append(this.position, this.audienceState, timer, this.clockText);

    this.currentFrame = html("div", "presenter-frame presenter-current");
    const side = html("div", "presenter-side");
    const nextPanel = html("section", "presenter-next");
    nextPanel.setAttribute("aria-label", "Next slide");
    this.nextTitle = html("h2", "presenter-next-title");
    this.nextFrame = html("div", "presenter-frame presenter-next-frame");
    nextPanel.append(this.nextTitle, this.nextFrame);
    const notesPanel = html("section", "presenter-notes-panel");
    notesPanel.setAttribute("aria-label", "Speaker notes");
    this.notes = html("div", "presenter-notes");
    const notesBar = html("div", "presenter-notes-bar");
    notesBar.append(html("h2", "presenter-notes-title", "Notes"));
    for (const [label, step] of [
      ["Smaller notes", -2],
      ["Larger notes", 2],
    ] as const) {
      const glyph = step < 0 ? "A−" : "A+";
      const button = html("button", "presenter-notes-size", glyph);
      // The name starts with what the button shows, so speech input ("click A plus") finds it.
      button.setAttribute("aria-label", `${glyph}, ${label.toLowerCase()}`);
      button.title = label;
      button.addEventListener("click", () => this.resizeNotes(step));
      notesBar.append(button);
    }
    notesPanel.append(notesBar, this.notes);
    side.append(nextPanel, notesPanel);
    this.root.append(bar, this.currentFrame, side);
    doc.body.append(this.root);
    this.watch = this.loadWatch();
    this.tick();
    this.ticker = doc.defaultView?.setInterval(() => this.tick(), 250) ?? 0;
  }

  /**
   * Paces the lecture: `plan` gives each slide's window (from "About N minutes" in its notes),
   * `duration` the lecture's minutes (front matter), which adds a countdown.
   */
  setPlan(plan: readonly SlidePlan[], duration: number | null): void {
    this.plan = plan;
    this.duration = duration;
    this.paceText.hidden = duration === null && plan.every((p) => p.end === p.start);
    this.tick();
  }

  /** Shows the notes, position and next slide's title for `content`. */
  update(content: PresenterContent): void {
    this.slide = content.slide;
    this.position.textContent = `Slide ${content.slide + 1} of ${content.count} · ${content.title}`;
    this.nextTitle.textContent =
      content.nextTitle === null ? "End of the deck" : `Next: ${content.nextTitle}`;
    this.nextFrame.classList.toggle("is-end", content.nextTitle === null);
    if (content.notes.length > 0) {
      // Copies: the originals stay in their slide, where reading mode and print expect them.
      this.notes.replaceChildren(
        ...content.notes.flatMap((aside) => Array.from(aside.cloneNode(true).childNodes)),
      );
    } else {
      this.notes.replaceChildren(this.html("p", "presenter-no-notes", "No notes for this slide."));
    }
    this.notes.scrollTop = 0;
  }

  /** Starts the timer the first time the lecturer moves, unless it was started by hand. */
  startTimerOnce(): void {
    if (this.watch === STOPPED) this.setWatch(startStopwatch(this.watch, this.now()));
  }

  /** Shows whether the audience's screen is blanked. */
  showAudienceBlank(on: boolean): void {
    this.audienceState.hidden = !on;
  }

  /** Stops the clock and removes the panels. */
  destroy(): void {
    this.doc.defaultView?.clearInterval(this.ticker);
    this.root.remove();
  }

  /** Notes type from 14 to 40 px: reading glasses differ, lecterns too. */
  private resizeNotes(step: number): void {
    const now = Number.parseFloat(this.notes.style.fontSize) || 22;
    this.notes.style.fontSize = `${Math.min(40, Math.max(14, now + step))}px`;
  }

  private toggleTimer(): void {
    const running = this.watch.runningSince !== null;
    const now = this.now();
    this.setWatch(running ? pauseStopwatch(this.watch, now) : startStopwatch(this.watch, now));
  }

  private resetTimer(): void {
    // Reset to a stopped zero that the next move does not restart: the lecturer reset it on purpose.
    this.setWatch({ runningSince: null, banked: 0 });
  }

  private setWatch(watch: Stopwatch): void {
    this.watch = watch;
    this.saveWatch();
    this.tick();
  }

  private loadWatch(): Stopwatch {
    try {
      const saved = this.storageKey ? sessionStorage.getItem(this.storageKey) : null;
      const parsed = saved ? (JSON.parse(saved) as Partial<Stopwatch>) : null;
      const since = parsed?.runningSince;
      if (
        parsed &&
        typeof parsed.banked === "number" &&
        (since === null || typeof since === "number")
      ) {
        return { runningSince: since ?? null, banked: parsed.banked };
      }
    } catch {
      // No storage (a private window's quota, a sandbox): the timer starts at zero.
    }
    return STOPPED;
  }

  private saveWatch(): void {
    try {
      if (this.storageKey) sessionStorage.setItem(this.storageKey, JSON.stringify(this.watch));
    } catch {
      // Without storage the timer still works; it just does not outlive a reload.
    }
  }

  private tick(): void {
    const now = this.now();
    const spent = elapsed(this.watch, now);
    this.elapsedText.textContent = formatDuration(spent);
    if (!this.paceText.hidden) {
      const pace = paceAt(this.plan, this.slide, spent, this.duration);
      const minutes = Math.round(Math.abs(pace.behind) / 60_000);
      const left =
        pace.remaining === null
          ? ""
          : pace.remaining >= 0
            ? `${formatDuration(pace.remaining)} left`
            : `${formatDuration(-pace.remaining)} over`;
      const drift =
        minutes === 0 ? "on time" : `${minutes} min ${pace.behind > 0 ? "behind" : "ahead"}`;
      this.paceText.textContent = left ? `${left} · ${drift}` : drift;
      this.paceText.classList.toggle("is-behind", minutes > 0 && pace.behind > 0);
    }
    const running = this.watch.runningSince !== null;
    this.startButton.textContent = running ? "Pause" : this.watch.banked > 0 ? "Resume" : "Start";
    this.elapsedText.classList.toggle("is-paused", !running);
    const time = new Date(now);
    this.clockText.textContent = `${String(time.getHours()).padStart(2, "0")}:${String(
      time.getMinutes(),
    ).padStart(2, "0")}`;
  }

  private html(tag: string, className: string, text: string): HTMLElement {
    const el = this.doc.createElement(tag);
    el.className = className;
    el.textContent = text;
    return el;
  }
}
