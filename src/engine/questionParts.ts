/**
 * The questions of a message that asks several ("What does IAD manage, and what is the
 * campaign about?"): its sentences ending in a question mark, and the parts joined by "and"
 * or "also" before a question word. A message with one question gives one part.
 */
export function questionParts(text: string): string[] {
  return text
    .split(/(?<=\?)\s+|[,;]\s*(?:and|also|plus)\s+(?=(?:what|how|who|when|where|which|why|is|are|does|do|can|could)\b)/i)
    .map((part) => part.trim())
    .filter((part) => /\p{L}{2,}/u.test(part));
}
