// axe-core, the accessibility engine, run inside a Playwright page. Its source is evaluated in
// the page on demand (no script tag, so no Content Security Policy or network request is
// involved) and `axe.run` returns plain JSON, which is all the browser suite needs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The rules we hold the site to: WCAG 2.1 A and AA, plus axe's best practices (printed). */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/** Rules whose outcome depends on colour, run alone when only the palette changed. */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

export type Impact = "minor" | "moderate" | "serious" | "critical";

/** One element failing one rule. */
export interface Finding {
  impact: Impact;
  rule: string;
  /** The element's CSS selector, as axe gives it. */
  target: string;
  /** What the rule asks for, and axe's note on this element (e.g. the contrast it measured). */
  help: string;
}

export interface AuditOptions {
  /** A CSS selector limiting the audit to part of the page (default: the whole document). */
  include?: string;
  /** Only these rules (default: every rule tagged above). */
  rules?: readonly string[];
}

/** Runs axe on `page` and lists every failing element. */
export async function audit(page: Page, options: AuditOptions = {}): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, rules, tags }) => {
      interface AxeNode {
        target: unknown[];
        failureSummary?: string;
        any: { message: string }[];
        all: { message: string }[];
        none: { message: string }[];
      }
      interface AxeResult {
        violations: { id: string; impact: string; help: string; nodes: AxeNode[] }[];
      }
      const axe = (
        window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } }
      ).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: rules ? { type: "rule", values: rules } : { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.flatMap((v) =>
        v.nodes.map((node) => {
          const note = [...node.any, ...node.all, ...node.none].map((c) => c.message)[0];
          return {
            impact: v.impact as Impact,
            rule: v.id,
            target: node.target.map(String).join(" "),
            help: note ? `${v.help} — ${note}` : v.help,
          };
        }),
      );
    },
    { include: options.include, rules: options.rules ? [...options.rules] : undefined, tags: TAGS },
  );
}

/** Serious and critical findings fail a page; the others are printed for a person to weigh. */
export const isBlocking = (f: Finding): boolean =>
  f.impact === "serious" || f.impact === "critical";

/** "critical label: input[min="-2"] — Form elements must have labels — …" */
export const describeFinding = (where: string, f: Finding): string =>
  `${where}: ${f.impact} ${f.rule}: ${f.target} — ${f.help}`;

/** Counts findings by rule, e.g. { "critical label": 182 }. */
export function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    const key = `${f.impact} ${f.rule}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
