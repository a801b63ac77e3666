const WH = String.raw`what|whats|what's|how|who|when|where|which|why`;
const ASKING = String.raw`${WH}|is|are|does|do|did|can|could|will|would|should|tell|explain|describe|list|give|show`;
/** Where one question ends and the next begins. */
const BETWEEN_QUESTIONS = new RegExp(String.raw`(?<=\?)\s+|[,;]\s*(?:and|also|plus)\s+(?=(?:${ASKING})\b)|\s+(?:and|also|plus)\s+(?=(?:${WH})\b)`, 'i');
/** A part that asks or bids: it opens with a question or request word, or ends with "?". */
const ASKS = new RegExp(`^(?:${ASKING})\\b|\\?\\s*$`, 'i');

/**
 * The questions of a message that asks several ("What does IAD manage, and what is the
 * campaign about?"): its sentences ending in a question mark, and the parts joined by "and"
 * or "also" before a question word (without a comma, before a wh-word: "whats eTrace and
 * whats BATS"). A message with one question gives one part. A sentence after a question that
 * neither asks nor bids ("Is there arson training? I investigate fires in St Lucia.") is
 * context for that question, not another one.
 */
export function questionParts(text: string): string[] {
  return text
    .split(BETWEEN_QUESTIONS)
    .map((part) => part.trim())
    .filter((part, i) => /\p{L}{2,}/u.test(part) && (i === 0 || ASKS.test(part)));
}
