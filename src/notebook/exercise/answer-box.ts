// A number the student works out and types (a step of a worked example): Check (or Enter, or
// leaving the box) compares it with the page's own answer. A wrong number gets the author's
// feedback for that mistake, or a general hint, and may be tried again — the answer itself is
// never given away. What was typed is saved with the page's work and shown again, with its
// verdict, after a reload; the box counts as done once it is right.
import { loadWork, updateWork } from "../work/index.ts";
import { appendContent, button, type Content } from "./dom.ts";
import { judge, type Misconception } from "./predict-block.ts";

/** An answer box, as an author writes it in a cell. */
export interface AnswerBoxOptions {
  /** Unique on the page; the progress key and the anchor (`#exercise-<id>`). */
  id: string;
  /** Shown before the box: what to work out (`html` for sub- and superscripts). */
  label: Content;
  /** Plain text naming the box: its accessible name and its entry in the exercise list. */
  title?: string;
  /** The right number. */
  answer: number;
  /** Decimals the box asks for (default 2); said beside the label when not 2. */
  decimals?: number;
  /**
   * Largest accepted difference. Default: 0.006 for two decimals (a correctly rounded answer is
   * within 0.005), one unit of the last decimal for more.
   */
  tolerance?: number;
  /** Feedback for the likely wrong numbers. */
  misconceptions?: readonly Misconception[];
  /** Said to a wrong number no misconception matches. */
  hint?: Content;
}

/** The tolerance a box applies (see AnswerBoxOptions.tolerance). */
export function answerTolerance(options: Pick<AnswerBoxOptions, "decimals" | "tolerance">): number {
  const decimals = options.decimals ?? 2;
  return options.tolerance ?? (decimals > 2 ? 10 ** -decimals : 0.006);
}

/** The elements of a box that show its state. */
interface BoxParts {
  block: HTMLElement;
  input: HTMLInputElement;
  result: HTMLElement;
}

/** The block of an answer box: label, box, Check and the verdict, in one row. */
export function answerBox(options: AnswerBoxOptions): HTMLElement {
  const key = `answer:${options.id}`;
  const block = document.createElement("div");
  block.className = "answer-box";
  block.id = `exercise-${options.id}`;
  block.dataset.exercise = options.id;
  const form = document.createElement("form");
  form.className = "answer-form print-keep";
  const label = document.createElement("label");
  label.className = "answer-label";
  label.htmlFor = `answer-${options.id}`;
  appendContent(label, options.label);
  const decimals = options.decimals ?? 2;
  if (decimals !== 2) {
    const note = document.createElement("span");
    note.className = "answer-decimals";
    note.textContent = ` (${decimals} decimals)`;
    label.append(note);
  }
  label.append(" =");
  const input = document.createElement("input");
  input.id = `answer-${options.id}`;
  input.type = "text";
  input.inputMode = "decimal";
  input.autocomplete = "off";
  input.placeholder = "?";
  input.size = 9;
  input.className = "print-keep";
  if (options.title) input.setAttribute("aria-label", options.title);
  const check = button("Check", "exercise-check");
  check.type = "submit";
  label.id = `answer-${options.id}-label`;
  check.setAttribute("aria-describedby", label.id);
  const result = document.createElement("span");
  result.className = "answer-result";
  result.setAttribute("aria-live", "polite");
  form.append(label, input, check);
  block.append(form, result);
  const parts = { block, input, result };
  const commit = (value: string): void => {
    showVerdict(parts, options, value);
    updateWork((work) => {
      if (value === "") delete work.fields[key];
      else work.fields[key] = value;
      if (block.classList.contains("exercise-done")) work.done[options.id] = true;
      else delete work.done[options.id];
    });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = input.value.trim();
    commit(value);
    if (value === "") result.textContent = "Type a number first.";
  });
  // Leaving the box checks it too: type, Tab, type, Tab down a column of boxes.
  input.addEventListener("change", () => commit(input.value.trim()));
  // A verdict belongs to the number it judged: changing the number clears it until the next Check.
  input.addEventListener("input", () => {
    result.replaceChildren();
    result.className = "answer-result";
    block.classList.remove("answer-wrong");
  });
  const saved = loadWork().fields[key];
  if (saved !== undefined) {
    input.value = saved;
    showVerdict(parts, options, saved);
  }
  return block;
}

/** Right (a tick), or wrong with the feedback for that mistake; empty clears the verdict. */
function showVerdict({ block, result }: BoxParts, options: AnswerBoxOptions, value: string): void {
  result.replaceChildren();
  const tolerance = answerTolerance(options);
  const verdict = value === "" ? undefined : judge({ ...options, tolerance }, value);
  block.classList.toggle("exercise-done", verdict?.pass === true);
  block.classList.toggle("answer-wrong", verdict?.pass === false);
  result.className = `answer-result${verdict ? (verdict.pass ? " is-right" : " is-wrong") : ""}`;
  if (!verdict) return;
  if (verdict.pass) {
    result.textContent = "✓ right";
    return;
  }
  const number = Number(value.replace(",", ".").replace("−", "-"));
  if (!Number.isFinite(number)) {
    result.textContent = `✗ I can't read “${value}” as a number: type something like -0.29.`;
    return;
  }
  result.append("✗ ");
  appendContent(result, verdict.message ?? options.hint ?? "not yet: work this one through again.");
}
