// Observable Inputs as cells see it: the same functions, each returning its element with every
// control named (see name-controls.ts), so a slider is announced by its label.
import * as ObservableInputs from "@observablehq/inputs";
import { nameControls } from "./name-controls.ts";

type InputFactory = (...args: unknown[]) => unknown;

const named: Record<string, unknown> = {};
for (const [name, factory] of Object.entries(ObservableInputs as Record<string, unknown>)) {
  named[name] =
    typeof factory === "function"
      ? (...args: unknown[]) => nameControls((factory as InputFactory)(...args))
      : factory;
}

export default named;
