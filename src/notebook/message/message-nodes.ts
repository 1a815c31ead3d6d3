/**
 * A message as DOM nodes: text, with each `name` in backticks (how messages quote code) as a
 * <code> element, so readers never see raw Markdown.
 */
export function messageNodes(message: string): Node[] {
  return message.split(/`([^`\n]+)`/).map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const code = document.createElement("code");
    code.textContent = part;
    return code;
  });
}
