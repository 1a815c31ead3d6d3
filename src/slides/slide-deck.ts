// The deck: one chapter page shown as slides, reusing the page's own sections (so live cells keep
// running: a network keeps training on the projector). It keeps the position, answers keys,
// touch and the other window, and places the sections on screen; the rules themselves live in
// the pure modules beside it.

import { FOLLOW_ATTRIBUTE } from "../demo/index.ts";
import { openPresenterWindow, toggleFullscreen, toggleSiteTheme } from "./browser-actions.ts";
import { type DeckAspect, deckAspect } from "./deck-aspect.ts";
import { type DeckChrome, showToast } from "./deck-chrome.ts";
import { bindDeckInput, type DeckInputTarget } from "./deck-input.ts";
import type { DeckAction } from "./deck-keys.ts";
import { DeckOverview } from "./deck-overview.ts";
import { audiencePair, presenterPair, withPair } from "./deck-pair.ts";
import { DeckStage } from "./deck-stage.ts";
import { createDeckState, type DeckState, goToSlide, stepDeck } from "./deck-state.ts";
import { DeckTools } from "./deck-tools.ts";
import { type DeckMode, deckUrl } from "./deck-url.ts";
import { DemoRelay } from "./demo-relay.ts";
import { type DeckDressing, dressPage } from "./dress-page.ts";
import { offerFragmentStep } from "./fragments.ts";
import { ensureLiveRegion, slideAnnouncement } from "./live-region.ts";
import { notesMinutes, planSlides } from "./pacing.ts";
import { type DeckCommand, type DeckContext, planAction } from "./plan-action.ts";
import type { PresenterView } from "./presenter-view.ts";
import { SlideMirror } from "./slide-mirror.ts";
import { SlideSync } from "./slide-sync.ts";
import { slideTitle } from "./slide-title.ts";
import type { SyncMessage } from "./sync-message.ts";

/** What the toast says when a pointer tool is taken up or put down. */
const TOOL_NAMES = {
  none: "Pointer",
  laser: "Laser pointer (L again to put it away)",
  draw: "Pen: draw on the slide (E erases, X clears, Esc puts it down)",
  erase: "Eraser: drag over a stroke (D draws again)",
} as const;

/** Controls a chapter's slide deck; made by installSlides. */
export class SlideDeck implements DeckInputTarget {
  /** The slide sections in order: the page's own, after a cover slide while in deck mode. */
  private readonly sections: HTMLElement[];
  private state: DeckState;
  private currentMode: DeckMode = "read";
  private dressing: DeckDressing | null = null;
  private blanked = false;
  private readonly overview: DeckOverview;
  private jumpDigits = "";
  private focusBefore: Element | null = null;
  private readonly liveRegion: HTMLElement;
  private readonly sync: SlideSync;
  private readonly stage: DeckStage;
  private readonly mirror: SlideMirror;
  private readonly demos: DemoRelay;
  private readonly tools: DeckTools;
  /** In the presenter window: gives up following when no audience window answers. */
  private audienceTimer = 0;
  /** Pairs this window with its presenter (or audience) window; null for one opened by hand. */
  private pair: string | null = null;
  private readonly unbind: () => void;
  private readonly view: Window;
  /** The deck's shape: 16:9, or what the page or the address asks for. */
  readonly aspect: DeckAspect;

  constructor(
    private readonly doc: Document,
    private readonly article: HTMLElement,
  ) {
    const view = doc.defaultView;
    if (!view) throw new Error("SlideDeck: the document has no window; slides need a browser");
    this.view = view;
    this.sections = Array.from(article.querySelectorAll<HTMLElement>(":scope > section.slide"));
    this.state = createDeckState(this.sections.length);
    this.liveRegion = ensureLiveRegion(doc);
    this.sync = new SlideSync((message) => this.onRemote(message));
    this.aspect = deckAspect(doc.location.href, article.dataset.aspect);
    this.stage = new DeckStage(view, this.aspect.width);
    this.overview = new DeckOverview(doc.body, this.slides);
    this.mirror = new SlideMirror(this.slides, (message) => this.sync.post(message));
    const unbindInput = bindDeckInput(doc, view, this);
    const unbindMirror = this.mirror.bind(doc, () => this.inDeck && !this.overview.isOpen);
    // Only the audience window trains and reports; the presenter window shows its run.
    this.demos = new DemoRelay(this.slides, (message) => this.sync.post(message));
    const unbindDemos = this.demos.bind(doc, () => this.currentMode === "slides");
    const deck = this;
    this.tools = new DeckTools(doc, {
      get slides() {
        return deck.slides;
      },
      get slide() {
        return deck.slide;
      },
      get audience() {
        return deck.mode === "slides";
      },
      send: (message) => this.sync.post(message),
    });
    const unbindTools = this.tools.bind(() => this.inDeck && !this.overview.isOpen);
    const onPageHide = () => {
      if (this.currentMode === "slides") this.sync.post({ type: "bye" });
    };
    view.addEventListener("pagehide", onPageHide);
    // Printing the deck prints every slide at the fit it has on screen (styles/slides/print.css).
    const onBeforePrint = () => {
      if (this.inDeck) this.stage.fitAll(this.slides);
    };
    const onAfterPrint = () => {
      if (this.inDeck) this.showStage();
    };
    view.addEventListener("beforeprint", onBeforePrint);
    view.addEventListener("afterprint", onAfterPrint);
    this.unbind = () => {
      unbindInput();
      unbindMirror();
      unbindDemos();
      unbindTools();
      view.removeEventListener("pagehide", onPageHide);
      view.removeEventListener("beforeprint", onBeforePrint);
      view.removeEventListener("afterprint", onAfterPrint);
    };
  }

  /** The slides in deck order (shared with the overview, the stage and the mirror). */
  get slides(): readonly HTMLElement[] {
    return this.sections;
  }

  /** "read", "slides" (audience) or "presenter". */
  get mode(): DeckMode {
    return this.currentMode;
  }

  /** The 0-based current slide. */
  get slide(): number {
    return this.state.slide;
  }

  /** True while slides (or the presenter view) show. */
  get inDeck(): boolean {
    return this.currentMode !== "read";
  }

  private get chrome(): DeckChrome | null {
    return this.dressing?.chrome ?? null;
  }

  private get presenter(): PresenterView | null {
    return this.dressing?.presenter ?? null;
  }

  private get current(): HTMLElement | undefined {
    return this.slides[this.state.slide];
  }

  /** Shows the page as slides (or as the presenter view), at `slide` (0-based) if given. */
  enter(mode: "slides" | "presenter", slide: number = this.state.slide): void {
    if (this.slides.length === 0) return;
    if (this.currentMode !== mode) {
      if (this.inDeck) this.leave({ restoreFocus: false });
      this.currentMode = mode;
      this.focusBefore = this.doc.activeElement;
      const path = this.doc.location.pathname;
      this.pair =
        mode === "presenter" ? presenterPair(this.doc.location.href) : audiencePair(this.view);
      this.dressing = dressPage(this.doc, this.article, this.sections, mode, {
        timerKey: `backprop-presenter-timer:${path}:${this.pair ?? ""}`,
        aspect: this.aspect,
      });
      this.planLecture();
      this.state = createDeckState(this.sections.length, this.state.slide);
      this.sync.open(path, this.pair);
      // Whichever window opens (or reloads) second takes the other's place in the deck.
      this.sync.post({ type: "hello" });
      if (mode === "slides") this.sync.post({ type: "audience" });
      else this.followAudience(true, { until: 1500 });
    }
    this.state = goToSlide(this.state, slide);
    this.render();
    this.current?.focus({ preventScroll: true });
  }

  /** Back to reading mode, scrolled to the slide that was showing. */
  leave({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.inDeck) return;
    const showing = this.current;
    if (this.currentMode === "slides") this.sync.post({ type: "bye" });
    this.followAudience(false);
    this.tools.reset();
    this.stage.clear(this.slides);
    this.dressing?.undress();
    this.dressing = null;
    this.sync.close();
    this.overview.setOpen(false, 0);
    this.blanked = false;
    this.jumpDigits = "";
    this.currentMode = "read";
    this.view.history.replaceState(
      this.view.history.state,
      "",
      deckUrl(this.doc.location.href, { mode: "read", slide: null }),
    );
    // Back where the deck was (the cover slide is gone: then the top of the page).
    if (showing?.isConnected) showing.scrollIntoView({ block: "start" });
    else this.view.scrollTo(0, 0);
    this.state = createDeckState(
      this.sections.length,
      Math.max(0, this.sections.indexOf(showing as HTMLElement)),
    );
    this.announce("Reading mode");
    const back = this.focusBefore;
    if (restoreFocus && back instanceof HTMLElement && back.isConnected) {
      back.focus({ preventScroll: true });
    }
  }

  /** Goes to a 0-based slide (clamped), telling the other window unless told otherwise. */
  goTo(slide: number, { broadcast = true }: { broadcast?: boolean } = {}): void {
    if (!this.inDeck) return;
    const before = this.state.slide;
    this.state = goToSlide(this.state, slide);
    if (this.state.slide !== before) {
      this.tools.slideChanged();
      this.presenter?.startTimerOnce();
      const hadFocus = this.slides[before]?.contains(this.doc.activeElement) ?? false;
      this.render();
      if (hadFocus || this.doc.activeElement === this.doc.body) {
        this.current?.focus({ preventScroll: true });
      }
    }
    if (broadcast) this.sync.post({ type: "goto", slide: this.state.slide });
  }

  /** One step: a fragment element on the slide takes it first, else the deck moves. */
  step(direction: "next" | "prev"): void {
    if (!this.inDeck) return;
    const slide = this.current;
    const result = stepDeck(this.state, direction, (dir) =>
      slide ? offerFragmentStep(slide, dir) : false,
    );
    if (result.outcome === "fragment") {
      this.state = result.state;
      this.presenter?.startTimerOnce();
      this.sync.post({ type: "fragment", slide: this.state.slide, direction });
    } else if (result.outcome === "moved") {
      this.goTo(result.state.slide);
      this.state = result.state;
    } else {
      this.announce(direction === "next" ? "End of the slides" : "First slide");
    }
  }

  /** Does what a key, a button or a swipe asked. */
  perform(action: DeckAction, key = ""): void {
    if (!this.inDeck) return;
    const context: DeckContext = {
      mode: this.currentMode === "presenter" ? "presenter" : "slides",
      count: this.slides.length,
      helpOpen: this.chrome ? !this.chrome.help.hidden : false,
      overviewOpen: this.overview.isOpen,
      selection: this.overview.selection,
      blanked: this.blanked,
      jumpDigits: this.jumpDigits,
      tool: this.tools.tool,
      zoomed: this.tools.zoomed,
    };
    for (const command of planAction(action, context, key)) this.run(command);
  }

  private run(command: DeckCommand): void {
    switch (command.type) {
      case "step":
        this.step(command.direction);
        break;
      case "go":
        this.goTo(command.slide);
        break;
      case "select":
        this.announceTile(this.overview.select(command.slide));
        break;
      case "select-row":
        this.announceTile(this.overview.selectRow(command.rows));
        break;
      case "open-tile":
        this.chooseTile(command.slide);
        break;
      case "digits":
        this.setJumpDigits(command.digits);
        break;
      case "help":
        this.setHelp(command.open);
        break;
      case "overview":
        this.setOverview(command.open);
        break;
      case "blank":
        this.setBlank(command.on);
        break;
      case "leave":
        this.leave();
        break;
      case "presenter":
        this.openPresenter();
        break;
      case "fullscreen":
        void toggleFullscreen(this.doc).then((done) => {
          if (!done) this.toast("Full screen is not available here (try F11).");
        });
        break;
      case "theme": {
        const theme = toggleSiteTheme(this.doc, this.view);
        this.toast(theme === "dark" ? "Dark theme" : "Light theme");
        break;
      }
      case "tool":
        this.tools.setTool(command.tool);
        this.toast(TOOL_NAMES[command.tool]);
        break;
      case "clear-ink":
        this.tools.clearInk();
        this.toast("Drawing cleared from this slide");
        break;
      case "zoom":
        this.tools.setZoom(command.on);
        if (this.currentMode === "presenter")
          this.toast(command.on ? "Zoomed in on the projector" : "Zoom ended");
        break;
      case "print-ink":
        this.toast(
          this.tools.togglePrintInk()
            ? "Drawings will print with the slides"
            : "Drawings will not print",
        );
        break;
    }
  }

  /** Removes every listener, leaving deck mode first. */
  destroy(): void {
    this.leave({ restoreFocus: false });
    this.unbind();
    this.sync.close();
  }

  /** Enters the deck at the slide at the top of the reader's screen ("present from here"). */
  presentFromHere(): void {
    // At the top of the page the lecture starts at its beginning (the cover, if there is one).
    const threshold = this.view.innerHeight * 0.3;
    const inView =
      this.view.scrollY < 8
        ? undefined
        : this.sections.find((s) => s.getBoundingClientRect().bottom > threshold);
    this.enter("slides", 0);
    if (inView) this.goTo(this.sections.indexOf(inView));
  }

  /** Opens the clicked overview tile; false (and nothing done) when the overview is closed. */
  pickTile(section: HTMLElement): boolean {
    const index = this.slides.indexOf(section);
    if (!this.overview.isOpen || index === -1) return false;
    this.chooseTile(index);
    return true;
  }

  /** Follows a `#slide-N` typed into the address bar. */
  openFromHash(slide: number): void {
    if (this.inDeck) this.goTo(slide);
    else this.enter("slides", slide);
  }

  private onRemote(message: SyncMessage): void {
    if (!this.inDeck) return;
    switch (message.type) {
      case "goto":
        this.goTo(message.slide, { broadcast: false });
        return;
      case "fragment": {
        this.goTo(message.slide, { broadcast: false });
        const slide = this.current;
        if (slide) offerFragmentStep(slide, message.direction);
        return;
      }
      case "blank":
        if (this.currentMode === "slides") this.setBlank(message.on, { broadcast: false });
        else this.presenter?.showAudienceBlank(message.on);
        return;
      case "control":
      case "press":
        this.mirror.apply(message);
        return;
      case "hello":
        this.sync.post({ type: "goto", slide: this.state.slide });
        this.tools.announce();
        if (this.currentMode === "slides") {
          this.sync.post({ type: "blank", on: this.blanked });
          this.sync.post({ type: "audience" });
          this.demos.requestReports();
        }
        return;
      case "audience":
      case "bye":
        if (this.currentMode === "presenter") this.followAudience(message.type === "audience");
        return;
      case "demo":
        if (this.currentMode === "presenter") this.demos.apply(message);
        return;
      case "laser":
      case "ink":
      case "zoom":
        this.tools.apply(message);
        return;
    }
  }

  /**
   * Presenter window: while `on`, live demos here show the audience window's run instead of
   * training their own. With `until`, the window follows at once (so no demo starts a run of its
   * own before the audience answers) and gives up after that many milliseconds of silence.
   */
  private followAudience(on: boolean, { until }: { until?: number } = {}): void {
    this.view.clearTimeout(this.audienceTimer);
    this.audienceTimer = 0;
    this.doc.documentElement.toggleAttribute(FOLLOW_ATTRIBUTE, on);
    if (on && until !== undefined) {
      this.audienceTimer = this.view.setTimeout(() => this.followAudience(false), until);
    }
  }

  private render(): void {
    const { slide, count } = this.state;
    const next = this.currentMode === "presenter" ? slide + 1 : -1;
    this.slides.forEach((section, i) => {
      section.classList.toggle("is-current", i === slide);
      section.classList.toggle("is-next", i === next);
      // The preview of the next slide is a picture, not a second set of controls.
      section.toggleAttribute("inert", i === next);
    });
    const chrome = this.chrome;
    if (chrome) {
      chrome.progressBar.style.width = `${((slide + 1) / count) * 100}%`;
      chrome.counter.textContent = `${slide + 1} / ${count}`;
    }
    const title = this.slides[slide] ? slideTitle(this.slides[slide], slide) : "";
    this.presenter?.update({
      slide,
      count,
      title,
      nextTitle: this.slides[slide + 1] ? slideTitle(this.slides[slide + 1], slide + 1) : null,
      notes: Array.from(this.slides[slide]?.querySelectorAll("aside.notes") ?? []),
    });
    this.announce(slideAnnouncement(slide, count, title));
    this.view.history.replaceState(
      this.view.history.state,
      "",
      deckUrl(this.doc.location.href, { mode: this.currentMode, slide }),
    );
    this.showStage();
  }

  /** Re-places the visible slides on the next frame (once, however often it is called). */
  scheduleLayout(): void {
    this.stage.schedule();
  }

  private showStage(): void {
    this.stage.show({
      current: this.current,
      next: this.presenter ? this.slides[this.state.slide + 1] : undefined,
      presenter: this.presenter,
      overview: this.overview,
    });
    if (!this.overview.isOpen) this.stage.prefitAround(this.slides, this.state.slide);
  }

  private setOverview(open: boolean): void {
    if (open === this.overview.isOpen) return;
    this.overview.setOpen(open, this.state.slide);
    this.showStage();
    if (!open) this.current?.focus({ preventScroll: true });
    this.announce(open ? "Overview: arrows choose a slide, Enter opens it" : "");
  }

  private announceTile(slide: number): void {
    const section = this.slides[slide];
    if (section)
      this.announce(slideAnnouncement(slide, this.slides.length, slideTitle(section, slide)));
  }

  private chooseTile(index: number): void {
    this.setOverview(false);
    this.goTo(index);
  }

  private setBlank(on: boolean, { broadcast = true }: { broadcast?: boolean } = {}): void {
    this.blanked = on;
    if (this.currentMode === "presenter") this.presenter?.showAudienceBlank(on);
    else if (this.chrome) this.chrome.blank.hidden = !on;
    if (broadcast) this.sync.post({ type: "blank", on });
  }

  private setHelp(open: boolean): void {
    const help = this.chrome?.help;
    if (!help) return;
    help.hidden = !open;
    if (open) help.focus({ preventScroll: true });
    else this.current?.focus({ preventScroll: true });
  }

  private setJumpDigits(digits: string): void {
    this.jumpDigits = digits;
    const prompt = this.chrome?.jumpPrompt;
    if (!prompt) return;
    prompt.hidden = digits === "";
    prompt.textContent = `Go to slide ${digits} — Enter`;
  }

  /** Gives the presenter bar its plan: "About N minutes" in the notes, `duration` minutes. */
  private planLecture(): void {
    const presenter = this.presenter;
    if (!presenter) return;
    const minutes = this.sections.map((section) =>
      notesMinutes(
        Array.from(section.querySelectorAll("aside.notes"), (n) => n.textContent ?? "").join(" "),
      ),
    );
    const duration = Number(this.article.dataset.duration);
    const total = Number.isFinite(duration) && duration > 0 ? duration : null;
    presenter.setPlan(planSlides(minutes, total), total);
  }

  private openPresenter(): void {
    const pair = this.pair ?? audiencePair(this.view);
    const href = withPair(
      deckUrl(this.doc.location.href, { mode: "presenter", slide: this.state.slide }),
      pair,
    );
    if (!openPresenterWindow(this.view, href, this.doc.location.pathname, pair)) {
      this.toast(`The browser blocked the presenter window. Allow pop-ups, or open ${href}`);
    }
  }

  private toast(text: string): void {
    if (this.chrome) showToast(this.chrome, this.view, text);
  }

  private announce(text: string): void {
    this.liveRegion.textContent = text;
  }
}
