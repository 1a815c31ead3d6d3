/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * An error message as HTML: escaped, with each `name` in backticks (how messages quote code,
 * readable in a terminal) shown as <code>name</code> on the page.
 */
export function messageHtml(message: string): string {
  return escapeHtml(message).replace(/`([^`\n]+)`/g, "<code>$1</code>");
}
