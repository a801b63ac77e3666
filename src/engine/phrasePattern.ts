/** Phrases as one regular-expression alternation, each matched with any spacing. */
export function alternation(phrases: readonly string[]): string {
  return phrases.map((phrase) => phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+')).join('|');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
