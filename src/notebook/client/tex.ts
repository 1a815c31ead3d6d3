import katex from "katex";

/** Options for client-side TeX; `macros` are the site's shared macros. */
export interface TexOptions {
  macros?: Record<string, string>;
}

/** A `tex` tagged template as cells know it: tex`\frac{1}{2}` → an inline KaTeX element. */
export type TexTag = ((strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement) & {
  block: (strings: TemplateStringsArray, ...values: unknown[]) => HTMLElement;
};

/** Builds the `tex` built-in; this module (and KaTeX) loads only on pages whose cells use it. */
export function createTex(options: TexOptions = {}): TexTag {
  const render =
    (displayMode: boolean) =>
    (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement => {
      const source = String.raw(strings, ...values);
      const element = document.createElement(displayMode ? "div" : "span");
      katex.render(source, element, {
        displayMode,
        throwOnError: false,
        macros: { ...options.macros },
      });
      return element;
    };
  return Object.assign(render(false), { block: render(true) });
}
