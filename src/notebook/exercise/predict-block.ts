// Predict, then see: a question asked before a result is shown. The student commits to a
// number or a choice; Check then says whether it was right, with the feedback the author
// wrote for the usual wrong answers, and reveals the result. What was typed is saved with the
// page's work, so a reload shows the same state.
import { loadWork, updateWork } from "../work/index.ts";
import { appendContent, button, type Content } from "./dom.ts";

/** A wrong answer the author expects, and what to say to it. */
export interface Misconception {
  /** The wrong answer: a number (within the tolerance) or a choice. */
  answer: number | string;
  message: Content;
}

/** A prediction, as an author writes it in a cell. */
export interface PredictOptions {
  /** Unique on the page; the progress key and the anchor (`#exercise-<id>`). */
  id: string;
  question: Content;
  /** The right answer: a number, or one of `choices`. */
  answer: number | string;
  /** Choices to pick from (radio buttons); without them the answer is typed as a number. */
  choices?: readonly string[];
  /** Largest accepted difference for a number (default 0.01, or 1% of a large answer). */
  tolerance?: number;
  /** Feedback for the likely wrong answers. */
  misconceptions?: readonly Misconception[];
  /** Said after any answer (why the answer is what it is). */
  explain?: Content;
  /** The result shown once the student has answered. */
  reveal?: unknown;
}

/** How the student answers: radio buttons or a number box, read and set as text. */
interface AnswerField {
  element: HTMLElement;
  read: () => string;
  write: (value: string) => void;
}

/** The elements of a prediction's block. */
interface PredictParts {
  block: HTMLElement;
  form: HTMLFormElement;
  result: HTMLElement;
  reveal: HTMLElement;
}

/** The block of a prediction. */
export function predict(options: PredictOptions): HTMLElement {
  const key = `predict:${options.id}`;
  const block = document.createElement("section");
  block.className = "exercise predict";
  block.id = `exercise-${options.id}`;
  block.dataset.exercise = options.id;
  const question = document.createElement("p");
  question.className = "exercise-title";
  question.id = `${block.id}-title`;
  const strong = document.createElement("strong");
  strong.textContent = "Predict: ";
  question.append(strong);
  appendContent(question, options.question);
  block.setAttribute("aria-labelledby", question.id);
  const form = document.createElement("form");
  form.className = "exercise-actions";
  const field = options.choices
    ? choiceField(options.choices, key, question.id)
    : numberField(question.id);
  const check = button("Check", "exercise-check");
  check.type = "submit";
  form.append(field.element, check);
  const result = document.createElement("div");
  result.className = "exercise-result";
  result.setAttribute("role", "status");
  const reveal = document.createElement("div");
  reveal.className = "predict-reveal";
  reveal.hidden = true;
  block.append(question, form, result, reveal);
  wireAnswer({ block, form, result, reveal }, options, field, key);
  return block;
}

function choiceField(choices: readonly string[], key: string, questionId: string): AnswerField {
  const group = document.createElement("div");
  group.setAttribute("role", "radiogroup");
  group.setAttribute("aria-labelledby", questionId);
  const radios = choices.map((choice) => {
    const label = document.createElement("label");
    const radio = document.createElement("input");
    radio.type = "radio";
    radio.name = key;
    radio.value = choice;
    label.append(radio, ` ${choice}`);
    group.append(label);
    return radio;
  });
  return {
    element: group,
    read: () => radios.find((r) => r.checked)?.value ?? "",
    write: (value) => {
      for (const r of radios) r.checked = r.value === value;
    },
  };
}

function numberField(questionId: string): AnswerField {
  const input = document.createElement("input");
  input.type = "text";
  input.inputMode = "decimal";
  input.className = "print-keep";
  input.setAttribute("aria-labelledby", questionId);
  input.size = 10;
  return {
    element: input,
    read: () => input.value.trim(),
    write: (value) => {
      input.value = value;
    },
  };
}

/** Check judges the answer, saves it and reveals the result; a saved answer is shown again. */
function wireAnswer(
  parts: PredictParts,
  options: PredictOptions,
  field: AnswerField,
  key: string,
): void {
  const { form, result } = parts;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = field.read();
    if (value === "") {
      result.className = "exercise-result exercise-fail";
      result.textContent = options.choices
        ? "Pick one first."
        : "Type a number first: a guess is fine.";
      return;
    }
    updateWork((work) => {
      work.fields[key] = value;
      work.done[options.id] = true;
    });
    showAnswer(parts, options, value);
  });
  const saved = loadWork().fields[key];
  if (saved !== undefined) {
    field.write(saved);
    showAnswer(parts, options, saved);
  }
}

/** The verdict on `value`, the author's feedback and explanation, and the result revealed. */
function showAnswer(
  { block, result, reveal }: PredictParts,
  options: PredictOptions,
  value: string,
): void {
  const verdict = judge(options, value);
  result.className = `exercise-result ${verdict.pass ? "exercise-pass" : "exercise-fail"}`;
  result.replaceChildren();
  appendContent(result, verdict.pass ? "✓ Right." : `✗ ${verdict.wanted}`);
  if (verdict.message !== undefined) {
    result.append(" ");
    appendContent(result, verdict.message);
  }
  if (options.explain !== undefined) {
    result.append(" ");
    appendContent(result, options.explain);
  }
  if (reveal.hidden && options.reveal !== undefined) {
    appendContent(reveal, options.reveal instanceof Node ? options.reveal : String(options.reveal));
    reveal.hidden = false;
  }
  block.classList.add("exercise-done");
}

/** Whether `value` is the answer, and the feedback for it. */
export function judge(
  options: Pick<PredictOptions, "answer" | "choices" | "tolerance" | "misconceptions">,
  value: string,
): { pass: boolean; wanted: string; message?: Content } {
  const same = (expected: number | string): boolean => {
    if (typeof expected === "string") return value === expected;
    const x = Number(value.replace(",", ".").replace("−", "-"));
    const tolerance = options.tolerance ?? Math.max(0.01, Math.abs(expected) * 0.01);
    return Number.isFinite(x) && Math.abs(x - expected) <= tolerance;
  };
  if (same(options.answer)) return { pass: true, wanted: "" };
  const wanted = `The answer is ${options.answer}.`;
  if (
    typeof options.answer === "number" &&
    !Number.isFinite(Number(value.replace(",", ".").replace("−", "-")))
  )
    return { pass: false, wanted: `“${value}” is not a number. ${wanted}` };
  const known = options.misconceptions?.find((m) => same(m.answer));
  return { pass: false, wanted, message: known?.message };
}
