// In deck mode the page around the slides (site header, navigation, table of contents) is
// covered; making it inert keeps Tab and screen readers out of what nobody can see.

/**
 * Marks inert every element beside the path from `doc.body` down to `keep`, except those
 * matching `alsoKeep`. Returns a function that undoes exactly what it did.
 */
export function inertOutside(doc: Document, keep: Element, alsoKeep: string): () => void {
  const changed: Element[] = [];
  let node: Element | null = keep;
  while (node && node !== doc.body && node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || sibling.matches(alsoKeep) || sibling.hasAttribute("inert")) continue;
      if (sibling instanceof HTMLScriptElement || sibling instanceof HTMLStyleElement) continue;
      sibling.setAttribute("inert", "");
      // Print of the deck leaves these out too (styles/slides/print.css).
      sibling.setAttribute("data-deck-outside", "");
      changed.push(sibling);
    }
    node = node.parentElement;
  }
  return () => {
    for (const element of changed) {
      element.removeAttribute("inert");
      element.removeAttribute("data-deck-outside");
    }
  };
}
