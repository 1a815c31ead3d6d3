// Snapshot files for compiler tests: compared byte for byte, written only when a person asks
// with UPDATE_SNAPSHOTS=1 (never by CI), so a changed output is always a reviewed change.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const FIXTURES = "tests/fixtures/notebook";
const OUTPUT = join(FIXTURES, "output");

/** Compares `actual` with the stored snapshot `name` (or stores it when UPDATE_SNAPSHOTS=1). */
export function assertSnapshot(name: string, actual: string): void {
  const file = join(OUTPUT, name);
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(
    existsSync(file),
    `no snapshot ${file}; run with UPDATE_SNAPSHOTS=1 to write it, then review it`,
  );
  assert.equal(
    actual,
    readFileSync(file, "utf8"),
    `output differs from ${file} (UPDATE_SNAPSHOTS=1 rewrites it)`,
  );
}

/**
 * Replaces each KaTeX rendering by `<katex>TeX</katex>` so snapshots read as the source did and
 * survive KaTeX's own markup changes; whether KaTeX ran is checked separately.
 */
export function summarizeKatex(html: string): string {
  const open = '<span class="katex">';
  let out = "";
  let at = 0;
  for (let start = html.indexOf(open); start >= 0; start = html.indexOf(open, at)) {
    out += html.slice(at, start);
    let depth = 0;
    let i = start;
    const tag = /<\/?span\b[^>]*>/g;
    tag.lastIndex = start;
    for (let m = tag.exec(html); m; m = tag.exec(html)) {
      depth += m[0].startsWith("</") ? -1 : 1;
      if (depth === 0) {
        i = m.index + m[0].length;
        break;
      }
    }
    const tex =
      /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(
        html.slice(start, i),
      )?.[1] ?? "?";
    out += `<katex>${tex}</katex>`;
    at = i;
  }
  return out + html.slice(at);
}
