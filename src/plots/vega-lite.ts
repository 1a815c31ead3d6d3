import { mergeConfig, readTheme, vegaLiteConfig } from "./palette.ts";
import { fillsOnSlide, followSlideSize } from "./slide-size.ts";
import type { VegaViewHandle } from "./vega-view.ts";
import { whenNear } from "./when-near.ts";

/** Options for a Vega-Lite view. */
export interface VegaLiteOptions {
  /** Width in pixels; default "container" (the cell's width). */
  width?: number | "container";
  /** Height in pixels (default 240). */
  height?: number;
  /** Accessible description of what the plot shows (default: the spec's description or title). */
  label?: string;
}

/**
 * The element a plot renders into. `rendered` settles once drawn (or failed); `ready` once
 * drawn, failed, or parked far below the viewport to be drawn later (see when-near.ts): the
 * notebook waits on `ready` before it counts the cell as settled.
 */
export type PlotElement = HTMLElement & {
  view: Promise<VegaViewHandle>;
  rendered: Promise<void>;
  ready: Promise<void>;
};

/**
 * Renders a Vega-Lite spec as SVG into a new element and returns it at once; Vega and
 * Vega-Lite are imported on first use, so pages without plots never load them.
 */
export function vegaLite(
  spec: Record<string, unknown>,
  options: VegaLiteOptions = {},
): PlotElement {
  const element = document.createElement("figure") as unknown as PlotElement;
  element.className = "plot";
  element.setAttribute("role", "img");
  const label =
    options.label ??
    (spec.description as string | undefined) ??
    (typeof spec.title === "string" ? spec.title : "Plot");
  element.setAttribute("aria-label", label);
  // Until it draws, the figure keeps the plot's height, so the page does not jump under the
  // reader when it does.
  element.style.minHeight = `${options.height ?? 240}px`;
  const { near, parked } = whenNear(element);
  element.view = near.then(() => render(element, spec, options));
  element.rendered = element.view.then(
    () => undefined,
    () => undefined,
  );
  element.ready = Promise.race([element.rendered, parked]);
  void element.rendered.then(() => element.style.removeProperty("min-height"));
  element.view.catch((error: unknown) => {
    element.textContent = `Plot could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    element.classList.add("plot-error");
  });
  return element;
}

async function render(
  element: HTMLElement,
  spec: Record<string, unknown>,
  options: VegaLiteOptions,
): Promise<VegaViewHandle> {
  const [vega, vl] = await Promise.all([import("vega"), import("vega-lite")]);
  const full = {
    width: options.width ?? "container",
    height: options.height ?? 240,
    autosize: { type: "fit-x", contains: "padding" },
    ...spec,
    config: mergeConfig(
      vegaLiteConfig(readTheme(element.isConnected ? element : document.documentElement)),
      spec.config as Record<string, unknown> | undefined,
    ),
  };
  // Vega-Lite's own typings want its full TopLevelSpec type; specs here are plain JSON.
  const compiled = vl.compile(full as unknown as Parameters<typeof vl.compile>[0]).spec;
  // Vega labels its own container, so it draws into an inner box and the figure keeps its label.
  const box = document.createElement("div");
  element.append(box);
  const view = new vega.View(vega.parse(compiled), {
    renderer: "svg",
    container: box,
    hover: true,
  });
  await view.runAsync();
  const handle = view as unknown as VegaViewHandle;
  // On a slide of the deck a single view fills the room the slide leaves it (slide-size.ts).
  if (fillsOnSlide(spec))
    followSlideSize(element, handle, {
      width: full.width as number | "container",
      height: full.height as number,
    });
  return handle;
}
