// Plain data passed between the compiler's stages. Nothing here touches the file system.
// A cell's own types (its source, parse and definition) are the cell compiler's (../cell/).

import type {
  CellDefinition,
  CellSource,
  CompileErrorData,
  NameSite,
  ParsedCell,
  SourcePosition,
} from "../cell/index.ts";

export type { CellDefinition, CellSource, CompileErrorData, NameSite, ParsedCell, SourcePosition };

/** What the front matter of a chapter or lab says about it. */
export interface FrontMatter {
  title: string;
  order: number;
  summary: string;
  /** Minutes the lecture should take: the presenter window counts down and paces against it. */
  duration?: number;
  [key: string]: unknown;
}

/** An exercise or a prediction a page sets, for its header, its progress and the index. */
export interface ExerciseInfo {
  /** The id its author gave it (its anchor is `#exercise-<id>`). */
  id: string;
  kind: "exercise" | "predict" | "answer";
  /** The exercise's title, the prediction's question, or the answer box's title. */
  title: string;
}

/** A heading found in the page, for the table of contents. */
export interface Heading {
  level: number;
  id: string;
  /** Plain text of the heading. */
  text: string;
  /** The heading's inline HTML (math typeset), without its permalink. */
  html: string;
}

/** Everything the compiler learned from one Markdown file. */
export interface CompiledPage {
  /** Path of the Markdown file as given (used in messages). */
  file: string;
  frontMatter: FrontMatter;
  /** Rendered HTML of the article: one `<section class="slide">` per slide-break segment. */
  html: string;
  headings: Heading[];
  cells: CellDefinition[];
  /** Names of built-ins the page's cells use (for lazy loading). */
  builtinsUsed: string[];
  /** Compile errors (dev mode keeps going; the production build stops on the first list). */
  errors: CompileErrorData[];
  /** Number of slides (slide-break segments). */
  slideCount: number;
  /** Every id a link may point to: headings and numbered equations. */
  anchors: string[];
  /** Links to other pages' Markdown files, checked once every page is compiled. */
  links: PageLinkData[];
  /** The exercises and predictions the page's cells set, in page order. */
  exercises?: ExerciseInfo[];
  /** The line of each front matter field (for errors about a field found later). */
  frontMatterLines: Record<string, number>;
  /** True for the stand-in page of a file that could not be compiled at all (dev). */
  failed?: boolean;
  /** Problems the page builds with but the author should hear of (content the parser cut). */
  warnings?: CompileErrorData[];
}

/** A link to another page, where it is written. */
export interface PageLinkData {
  /** The Markdown file linked to ("content/02-b.md"). */
  target: string;
  anchor?: string;
  line: number;
  column: number;
}
