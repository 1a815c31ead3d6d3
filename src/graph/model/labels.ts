// Node labels in two forms: plain text for the drawing and the table ("W₁", "ŷ") and TeX for
// the equations ("W_{1}", "\hat{y}"). Names come from the tensor's `name` or the caller's map;
// unnamed nodes get the lecture's letters (z₁, a₁ for layers, v₁, v₂, … otherwise).

/** A label in both forms. */
export interface Label {
  readonly label: string;
  readonly tex: string;
}

const GREEK: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  eta: "η",
  theta: "θ",
  lambda: "λ",
  mu: "μ",
  sigma: "σ",
  tau: "τ",
  phi: "φ",
  omega: "ω",
  ell: "ℓ",
  Delta: "Δ",
  Sigma: "Σ",
  Theta: "Θ",
  rho: "ρ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  psi: "ψ",
  chi: "χ",
  kappa: "κ",
  zeta: "ζ",
  Gamma: "Γ",
  Lambda: "Λ",
  Pi: "Π",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
};
const GREEK_TEX: Record<string, string> = Object.fromEntries(
  Object.entries(GREEK).map(([name, letter]) => [letter, `\\${name}`]),
);
const SUBSCRIPT: Record<string, string> = {
  "0": "₀",
  "1": "₁",
  "2": "₂",
  "3": "₃",
  "4": "₄",
  "5": "₅",
  "6": "₆",
  "7": "₇",
  "8": "₈",
  "9": "₉",
  "+": "₊",
  "-": "₋",
  "(": "₍",
  ")": "₎",
  i: "ᵢ",
  j: "ⱼ",
  k: "ₖ",
  l: "ₗ",
  n: "ₙ",
};
const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
  "+": "⁺",
  "-": "⁻",
  "(": "⁽",
  ")": "⁾",
  T: "ᵀ",
  l: "ˡ",
};
const HAT = "\u0302"; // combining circumflex: y + HAT renders ŷ

function mapChars(text: string, table: Record<string, string>): string {
  return [...text].map((c) => table[c] ?? c).join("");
}

/** Plain text for a TeX label: `\hat{y}_{1}` → `ŷ₁`, `W^{(2)}` → `W⁽²⁾`, `\lambda` → `λ`. */
export function texToPlain(tex: string): string {
  return tex
    .replace(/\\(?:mathrm|text|operatorname|mathbf|mathit|mathcal|boldsymbol)\{([^}]*)\}/g, "$1")
    .replace(/\\hat\{?([A-Za-z])\}?/g, `$1${HAT}`)
    .replace(
      /\\([A-Za-z]+)/g,
      (whole, name: string) => GREEK[name] ?? (name === "top" ? "ᵀ" : whole),
    )
    .replace(/_\{([^}]*)\}|_(.)/g, (_w, group?: string, single?: string) =>
      mapChars(group ?? single ?? "", SUBSCRIPT),
    )
    .replace(/\^\{([^}]*)\}|\^(.)/g, (_w, group?: string, single?: string) =>
      mapChars(group ?? single ?? "", SUPERSCRIPT),
    )
    .replace(/[{}\\]/g, "")
    .replace(/\s+/g, "") // juxtaposition: `W_{1} x` reads W₁x
    .normalize("NFC");
}

/**
 * A label from a tensor's name. Names holding a backslash, `_` or `^` are TeX; otherwise a name
 * like "W1", "yhat", "ŷ", "lambda" or "loss" is read the way a lecturer would write it.
 */
export function labelFromName(name: string): Label {
  if (/[\\_^]/.test(name)) return { label: texToPlain(name), tex: name };
  const decomposed = name.normalize("NFD");
  const match = /^([A-Za-zα-ωΑ-Ωℓ]+?)(\u0302|hat)?(\d+)?$/u.exec(decomposed);
  if (!match) return { label: name, tex: `\\text{${name.replace(/[{}\\$%#&_^~]/g, "")}}` };
  const [, base = "", hat, digits] = match;
  let tex = GREEK[base] !== undefined ? `\\${base}` : (GREEK_TEX[base] ?? base);
  if (tex.length > 1 && !tex.startsWith("\\")) tex = `\\mathrm{${tex}}`;
  if (hat) tex = `\\hat{${tex}}`;
  if (digits) tex = `${tex}_{${digits}}`;
  return { label: texToPlain(tex), tex };
}

/** A generated label: letter with a numeric subscript (`z`, 1 → z₁ / z_{1}). */
export function indexedLabel(letter: string, index: number): Label {
  const tex = `${letter}_{${index}}`;
  return { label: texToPlain(tex), tex };
}
