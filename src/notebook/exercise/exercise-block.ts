// An exercise under the cell a student completes: Check runs the author's check on the
// student's current values; hints come one at a time; the solution is offered once the student
// has tried. The block is rebuilt each time the student's cell runs again, so what the student
// has seen (hints, a first attempt) is kept per exercise for the page's life, and a pass is
// saved with the page's work (it counts towards the chapter's progress).
import { loadWork, updateWork } from "../work/index.ts";
import { readCheckResult } from "./check-result.ts";
import { appendContent, button, type Content, openAnswerEditor, useSolution } from "./dom.ts";

/** An exercise, as an author writes it in a cell. */
export interface ExerciseOptions {
  /** Unique on the page; the progress key and the block's anchor (`#exercise-<id>`). */
  id: string;
  /** A few words shown as the exercise's title. */
  title?: string;
  /** The name the student's cell declares (its editor opens when the exercise comes into view). */
  answer?: string;
  /** Hints, shown one at a time, in order. */
  hints?: readonly Content[];
  /** A solution's code, offered after a first Check. */
  solution?: string;
  /**
   * The check: runs on the student's current values and returns `true` (a pass), a message
   * (what is not right yet), or `{ pass, message }`; it may be async.
   */
  check: () => unknown;
}

interface SeenState {
  hints: number;
  attempted: boolean;
}

const seen = new Map<string, SeenState>();

/** The elements of an exercise's block. */
interface ExerciseParts {
  block: HTMLElement;
  status: HTMLElement;
  check: HTMLButtonElement;
  hint: HTMLButtonElement;
  solution: HTMLButtonElement;
  result: HTMLElement;
  hintList: HTMLOListElement;
  solutionBox: HTMLElement;
}

/** The block of an exercise: title, Check, hints, solution and what the last check said. */
export function exercise(options: ExerciseOptions): HTMLElement {
  const state = seen.get(options.id) ?? { hints: 0, attempted: false };
  seen.set(options.id, state);
  const parts = exerciseParts(options);
  markDone(parts, loadWork().done[options.id] === true);
  wireHints(parts, options.hints ?? [], state);
  offerSolution(parts, state);
  wireSolution(parts, options);
  wireCheck(parts, options, state);
  if (options.answer) openAnswerEditor(parts.block, options.answer);
  return parts.block;
}

function exerciseParts(options: ExerciseOptions): ExerciseParts {
  const block = document.createElement("section");
  block.className = "exercise";
  block.id = `exercise-${options.id}`;
  block.dataset.exercise = options.id;
  if (options.answer) block.dataset.answer = options.answer;
  const title = document.createElement("p");
  title.className = "exercise-title";
  const strong = document.createElement("strong");
  strong.textContent = `Exercise${options.title ? `: ${options.title}` : ""}`;
  title.id = `${block.id}-title`;
  title.append(strong);
  const status = document.createElement("span");
  status.className = "exercise-status";
  title.append(" ", status);
  block.setAttribute("aria-labelledby", title.id);

  const actions = document.createElement("div");
  actions.className = "exercise-actions";
  const check = button("Check", "exercise-check");
  const hint = button("Hint", "exercise-hint");
  const solution = button("Solution", "exercise-solution-button");
  actions.append(check);
  if (options.hints?.length) actions.append(hint);
  if (options.solution) actions.append(solution);
  const result = document.createElement("div");
  result.className = "exercise-result";
  result.setAttribute("role", "status");
  const hintList = document.createElement("ol");
  hintList.className = "exercise-hints";
  hintList.setAttribute("aria-label", "Hints");
  const solutionBox = document.createElement("div");
  solutionBox.className = "exercise-solution";
  solutionBox.hidden = true;
  block.append(title, actions, result, hintList, solutionBox);
  return { block, status, check, hint, solution, result, hintList, solutionBox };
}

function markDone({ block, status }: ExerciseParts, done: boolean): void {
  block.classList.toggle("exercise-done", done);
  status.textContent = done ? "✓ done" : "";
}

/** Shows the hints seen so far; Hint shows the next. */
function wireHints(parts: ExerciseParts, hints: readonly Content[], state: SeenState): void {
  const { hint, hintList } = parts;
  const showHints = (): void => {
    hintList.replaceChildren(
      ...hints.slice(0, state.hints).map((h, i) => {
        const item = document.createElement("li");
        // Numbered in the markup: on a slide only the newest shows, and keeps its number.
        item.value = i + 1;
        appendContent(item, h);
        return item;
      }),
    );
    hintList.hidden = state.hints === 0;
    hint.textContent =
      state.hints < hints.length ? `Hint (${state.hints + 1} of ${hints.length})` : "No more hints";
    hint.disabled = state.hints >= hints.length;
  };
  showHints();
  hint.addEventListener("click", () => {
    state.hints = Math.min(hints.length, state.hints + 1);
    showHints();
    (hintList.lastElementChild as HTMLElement | null)?.setAttribute("tabindex", "-1");
  });
}

/** The solution waits for a first Check of the student's own answer. */
function offerSolution({ solution }: ExerciseParts, state: SeenState): void {
  solution.disabled = !state.attempted;
  solution.title = state.attempted ? "Show a solution" : "Press Check on your own answer first";
}

/** Solution shows or hides the author's code, with a button to put it in the student's cell. */
function wireSolution({ solution, solutionBox }: ExerciseParts, options: ExerciseOptions): void {
  solution.addEventListener("click", () => {
    if (!options.solution) return;
    solutionBox.hidden = !solutionBox.hidden;
    if (solutionBox.childElementCount) return;
    const pre = document.createElement("pre");
    const code = document.createElement("code");
    code.textContent = options.solution;
    pre.append(code);
    solutionBox.append(pre);
    if (options.answer) {
      const use = button("Use this solution", "exercise-use-solution");
      use.addEventListener("click", () =>
        useSolution(options.answer ?? "", options.solution ?? ""),
      );
      solutionBox.append(use);
    }
  });
}

/** Check runs the author's check and says what it found; a pass is saved with the page's work. */
function wireCheck(parts: ExerciseParts, options: ExerciseOptions, state: SeenState): void {
  const { check, result } = parts;
  check.addEventListener("click", async () => {
    check.disabled = true;
    result.className = "exercise-result";
    result.textContent = "Checking…";
    let outcome: { pass: boolean; message: string };
    try {
      outcome = readCheckResult(await options.check());
    } catch (error) {
      outcome = {
        pass: false,
        message: `your code stopped with an error: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    check.disabled = false;
    state.attempted = true;
    offerSolution(parts, state);
    result.classList.add(outcome.pass ? "exercise-pass" : "exercise-fail");
    result.replaceChildren();
    appendContent(
      result,
      outcome.pass ? `✓ Right. ${outcome.message}`.trim() : `✗ ${outcome.message}`,
    );
    if (outcome.pass) {
      markDone(parts, true);
      updateWork((work) => {
        work.done[options.id] = true;
      });
    }
  });
}
