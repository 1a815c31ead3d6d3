// Text made safe for HTML and SVG markup (the drawing, the table and the panels are strings).

/** Escapes the five characters markup gives a meaning to. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
