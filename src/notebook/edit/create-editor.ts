// The code editor of an edited cell: CodeMirror 6 with JavaScript highlighting, bracket
// matching and closing, undo, completion of the page's names, and the page's colours (it
// reads the theme's CSS variables, so dark mode and the projector need nothing of their own).
// Tab is left to the page (no indent-with-Tab), so a keyboard user can always leave the editor;
// so does Esc (once no completion list is open), which in the deck hands the keys back to the
// slides: Esc, then → or PageDown, turns the slide.
import {
  autocompletion,
  type Completion,
  closeBrackets,
  closeBracketsKeymap,
  completeFromList,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { javascript, localCompletionSource } from "@codemirror/lang-javascript";
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";

/** What an editor needs besides its code. */
export interface EditorOptions {
  /** Called on Shift+Enter and Ctrl/Cmd+Enter. */
  run(): void;
  /** Called after every change of the text (to save it). */
  changed?(code: string): void;
  /** Names offered by completion, with what each is ("built-in", "page variable"). */
  completions(): readonly Completion[];
  /** The editor's accessible name. */
  label: string;
}

/** A CodeMirror editor holding `code`, put into `parent`. */
export function createEditor(parent: Element, code: string, options: EditorOptions): EditorView {
  const run = (): boolean => {
    options.run();
    return true;
  };
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        // Long lines wrap: a narrow column, a phone or an overview tile never scrolls sideways
        // (a region that scrolls needs keyboard access of its own).
        EditorView.lineWrapping,
        lineNumbers(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        javascript(),
        syntaxHighlighting(PAGE_HIGHLIGHT),
        autocompletion({
          override: [
            localCompletionSource,
            (context) => completeFromList([...options.completions()])(context),
          ],
        }),
        Prec.highest(
          keymap.of([
            { key: "Shift-Enter", run },
            { key: "Mod-Enter", run },
          ]),
        ),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...completionKeymap,
          { key: "Escape", run: leave },
        ]),
        EditorView.contentAttributes.of({ "aria-label": options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.changed?.(update.state.doc.toString());
        }),
        PAGE_THEME,
      ],
    }),
  });
}

/** Takes the focus out of the editor (completion's own Esc, closing its list, comes first). */
function leave(view: EditorView): boolean {
  view.contentDOM.blur();
  return true;
}

// Colours from the page's palette (styles/base.css), so both themes follow a switch at once.
const PAGE_THEME = EditorView.theme({
  "&": {
    color: "var(--text)",
    backgroundColor: "var(--bg)",
    border: "1px solid var(--rule)",
    borderRadius: "4px",
    fontSize: "0.9em",
  },
  // :focus-within draws the ring the moment Tab lands in the text; CodeMirror sets .cm-focused
  // a little later, from its own focus tracking.
  "&.cm-focused, &:focus-within": { outline: "3px solid var(--focus)", outlineOffset: "1px" },
  ".cm-content": { fontFamily: "var(--font-mono)", caretColor: "var(--text)" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--surface)", color: "var(--muted)", border: "none" },
  ".cm-activeLine": { backgroundColor: "color-mix(in srgb, var(--accent-soft) 45%, transparent)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent-soft)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "color-mix(in srgb, var(--accent) 30%, transparent)",
  },
  "&.cm-focused .cm-matchingBracket": {
    backgroundColor: "color-mix(in srgb, var(--accent) 25%, transparent)",
    outline: "1px solid var(--accent)",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--surface)",
    color: "var(--text)",
    border: "1px solid var(--rule)",
  },
  ".cm-tooltip-autocomplete ul li[aria-selected]": {
    backgroundColor: "var(--accent)",
    color: "var(--bg)",
  },
});

// Token colours as CSS variables (styles/cells.css sets them per theme, colour-blind-safe).
const PAGE_HIGHLIGHT = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--code-keyword)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null], color: "var(--code-number)" },
  { tag: tags.comment, color: "var(--muted)", fontStyle: "italic" },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName)],
    color: "var(--code-function)",
  },
  { tag: tags.definition(tags.variableName), color: "var(--code-definition)" },
  { tag: tags.invalid, color: "var(--error)" },
]);
