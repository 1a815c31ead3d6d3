import { codeOfCell } from "../notebook/cell/index.ts";
import type { CompiledPage } from "../notebook/compile/index.ts";
import type { SearchDocument } from "../notebook/search/index.ts";

/**
 * A page's searchable sections: its HTML cut at each h2 and h3, as plain text, with each
 * cell's code in its section. `dir` is the page's folder ("chapters/05-chain-rule/").
 */
export function searchDocuments(page: CompiledPage, dir: string): SearchDocument[] {
  const code = new Map(page.cells.map((c) => [c.id, codeOfCell(c)]));
  const html = withoutRenderedMath(page.html);
  const heading = /<h([23])\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h\1>/g;
  const cuts: { at: number; end: number; id: string; title: string }[] = [];
  for (const m of html.matchAll(heading))
    cuts.push({ at: m.index, end: m.index + m[0].length, id: m[2], title: plainText(m[3]) });
  const sections = [{ at: 0, end: 0, id: "", title: page.frontMatter.title }, ...cuts];
  return sections
    .map((section, i) => {
      const body = html.slice(section.end, sections[i + 1]?.at ?? html.length);
      const cells = [...body.matchAll(/data-cell="(c\d+)"/g)].map((m) => code.get(m[1]) ?? "");
      return {
        id: `${dir}${section.id ? `#${section.id}` : ""}`,
        page: page.frontMatter.title,
        title: section.title.replace(/\s*#\s*$/, ""),
        text: plainText(body.replace(/<pre class="cell-source">[\s\S]*?<\/pre>/g, "")),
        code: cells.join("\n"),
      };
    })
    .filter((d) => d.text || d.code || d.title);
}

/**
 * KaTeX writes each formula twice, as MathML for screen readers and as styled spans for the
 * eye; the spans (class katex-html) would index every glyph, so only the MathML stays.
 */
function withoutRenderedMath(html: string): string {
  let out = "";
  let from = 0;
  for (;;) {
    const start = html.indexOf('<span class="katex-html"', from);
    if (start < 0) return out + html.slice(from);
    out += html.slice(from, start);
    let depth = 0;
    const tag = /<(\/?)span\b[^>]*>/g;
    tag.lastIndex = start;
    for (let m = tag.exec(html); m; m = tag.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        from = tag.lastIndex;
        break;
      }
    }
    if (depth !== 0) return out;
  }
}

function plainText(html: string): string {
  return html
    .replace(/<annotation[\s\S]*?<\/annotation>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
