// The deck: one chapter page shown as slides, reusing the page's own sections (so live cells keep
// running: a network keeps training on the projector). It keeps the position and the mode and
// ties the parts together: keys and touch come in through deck-input.ts and are planned in
// plan-action.ts, the other window is reached through deck-link.ts (its messages answered in
// remote-messages.ts), the overlays are deck-panels.ts, and deck-stage.ts places the sections.

import { type DeckAspect, deckAspect } from "./deck-aspect.ts";
import type { DeckChrome } from "./deck-chrome.ts";
import { bindDeckInput, type DeckInputTarget } from "./deck-input.ts";
import type { DeckAction } from "./deck-keys.ts";
import { DeckLink } from "./deck-link.ts";
import { DeckOverview } from "./deck-overview.ts";
import { DeckPanels } from "./deck-panels.ts";
import { DeckStage } from "./deck-stage.ts";
import { createDeckState, type DeckState, goToSlide, stepDeck } from "./deck-state.ts";
import { DeckTools } from "./deck-tools.ts";
import { type DeckMode, deckUrl } from "./deck-url.ts";
import { DemoRelay } from "./demo-relay.ts";
import { type DeckDressing, dressPage } from "./dress-page.ts";
import { offerFragmentStep } from "./fragments.ts";
import { ensureLiveRegion, slideAnnouncement } from "./live-region.ts";
import { bindPageEvents } from "./page-events.ts";
import { type DeckCommand, type DeckContext, planAction } from "./plan-action.ts";
import { planLecture } from "./plan-lecture.ts";
import type { PresenterView } from "./presenter-view.ts";
import { type RemoteHost, receiveRemote } from "./remote-messages.ts";
import { renderDeck } from "./render-deck.ts";
import { SlideMirror } from "./slide-mirror.ts";
import { slideTitle } from "./slide-title.ts";
import { runToolCommand, type ToolCommandHost } from "./tool-commands.ts";

/** Controls a chapter's slide deck; made by installSlides. */
export class SlideDeck implements DeckInputTarget {
  /** The slide sections in order: the page's own, after a cover slide while in deck mode. */
  private readonly sections: HTMLElement[];
  private state: DeckState;
  private currentMode: DeckMode = "read";
  private dressing: DeckDressing | null = null;
  private readonly overview: DeckOverview;
  private focusBefore: Element | null = null;
  private readonly panels: DeckPanels;
  private readonly link: DeckLink;
  private readonly stage: DeckStage;
  private readonly mirror: SlideMirror;
  private readonly demos: DemoRelay;
  private readonly tools: DeckTools;
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
    this.panels = new DeckPanels(view, ensureLiveRegion(doc), () => this.chrome);
    this.link = new DeckLink(doc, view, (message) => {
      if (this.inDeck) receiveRemote(message, this.remoteHost());
    });
    this.aspect = deckAspect(doc.location.href, article.dataset.aspect);
    this.stage = new DeckStage(view, this.aspect.width);
    this.overview = new DeckOverview(doc.body, this.slides);
    this.mirror = new SlideMirror(this.slides, (message) => this.link.post(message));
    const unbindInput = bindDeckInput(doc, view, this);
    const unbindMirror = this.mirror.bind(doc, () => this.inDeck && !this.overview.isOpen);
    // Only the audience window trains and reports; the presenter window shows its run.
    this.demos = new DemoRelay(this.slides, (message) => this.link.post(message));
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
      send: (message) => this.link.post(message),
    });
    const unbindTools = this.tools.bind(() => this.inDeck && !this.overview.isOpen);
    const unbindPage = bindPageEvents(view, {
      hide: () => {
        if (this.currentMode === "slides") this.link.post({ type: "bye" });
      },
      beforePrint: () => {
        if (this.inDeck) this.stage.fitAll(this.slides);
      },
      afterPrint: () => {
        if (this.inDeck) this.showStage();
      },
    });
    this.unbind = () => {
      unbindInput();
      unbindMirror();
      unbindDemos();
      unbindTools();
      unbindPage();
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
      const pair = this.link.pairUp(mode);
      this.dressing = dressPage(this.doc, this.article, this.sections, mode, {
        timerKey: `backprop-presenter-timer:${this.doc.location.pathname}:${pair ?? ""}`,
        aspect: this.aspect,
      });
      if (this.presenter) planLecture(this.presenter, this.sections, this.article.dataset.duration);
      this.state = createDeckState(this.sections.length, this.state.slide);
      this.link.open(mode);
    }
    this.state = goToSlide(this.state, slide);
    this.render();
    this.current?.focus({ preventScroll: true });
  }

  /** Back to reading mode, scrolled to the slide that was showing. */
  leave({ restoreFocus = true }: { restoreFocus?: boolean } = {}): void {
    if (!this.inDeck) return;
    const showing = this.current;
    this.link.part(this.currentMode === "slides");
    this.tools.reset();
    this.stage.clear(this.slides);
    this.dressing?.undress();
    this.dressing = null;
    this.link.close();
    this.overview.setOpen(false, 0);
    this.panels.blanked = false;
    this.panels.setJumpDigits("");
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
    this.panels.announce("Reading mode");
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
    if (broadcast) this.link.post({ type: "goto", slide: this.state.slide });
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
      this.link.post({ type: "fragment", slide: this.state.slide, direction });
    } else if (result.outcome === "moved") {
      this.goTo(result.state.slide);
      this.state = result.state;
    } else {
      this.panels.announce(direction === "next" ? "End of the slides" : "First slide");
    }
  }

  /** Does what a key, a button or a swipe asked. */
  perform(action: DeckAction, key = ""): void {
    if (!this.inDeck) return;
    const context: DeckContext = {
      mode: this.currentMode === "presenter" ? "presenter" : "slides",
      count: this.slides.length,
      helpOpen: this.panels.helpOpen,
      overviewOpen: this.overview.isOpen,
      selection: this.overview.selection,
      blanked: this.panels.blanked,
      jumpDigits: this.panels.jumpDigits,
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
        this.panels.setJumpDigits(command.digits);
        break;
      case "help":
        this.panels.setHelp(command.open, this.current);
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
      default:
        runToolCommand(command, this.toolHost());
    }
  }

  /** Removes every listener, leaving deck mode first. */
  destroy(): void {
    this.leave({ restoreFocus: false });
    this.unbind();
    this.link.close();
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

  private render(): void {
    const { slide, count } = this.state;
    const title = renderDeck({
      slides: this.slides,
      slide,
      count,
      presenterMode: this.currentMode === "presenter",
      chrome: this.chrome,
      presenter: this.presenter,
    });
    this.panels.announce(slideAnnouncement(slide, count, title));
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
    this.panels.announce(open ? "Overview: arrows choose a slide, Enter opens it" : "");
  }

  private announceTile(slide: number): void {
    const section = this.slides[slide];
    if (section)
      this.panels.announce(
        slideAnnouncement(slide, this.slides.length, slideTitle(section, slide)),
      );
  }

  private chooseTile(index: number): void {
    this.setOverview(false);
    this.goTo(index);
  }

  private setBlank(on: boolean, { broadcast = true }: { broadcast?: boolean } = {}): void {
    this.panels.blanked = on;
    if (this.currentMode === "presenter") this.presenter?.showAudienceBlank(on);
    else this.panels.showBlank(on);
    if (broadcast) this.link.post({ type: "blank", on });
  }

  private openPresenter(): void {
    const blocked = this.link.openPresenter(this.state.slide);
    if (blocked) {
      this.panels.toast(
        `The browser blocked the presenter window. Allow pop-ups, or open ${blocked}`,
      );
    }
  }

  /** The deck as one message from the other window sees it (made afresh for each). */
  private remoteHost(): RemoteHost {
    return {
      mode: this.currentMode,
      slide: this.state.slide,
      blanked: this.panels.blanked,
      post: (message) => this.link.post(message),
      goTo: (slide) => this.goTo(slide, { broadcast: false }),
      offerFragment: (direction) => {
        const slide = this.current;
        if (slide) offerFragmentStep(slide, direction);
      },
      setBlank: (on) => this.setBlank(on, { broadcast: false }),
      showAudienceBlank: (on) => this.presenter?.showAudienceBlank(on),
      followAudience: (on) => this.link.followAudience(on),
      mirror: this.mirror,
      demos: this.demos,
      tools: this.tools,
    };
  }

  /** The deck as the full-screen, theme and pointer-tool commands see it. */
  private toolHost(): ToolCommandHost {
    return {
      doc: this.doc,
      view: this.view,
      tools: this.tools,
      presenter: this.currentMode === "presenter",
      toast: (text) => this.panels.toast(text),
    };
  }
}
