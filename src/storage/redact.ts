/**
 * Removes personal data from a partner's question before it is kept for content authors:
 * e-mail addresses, links, phone and reference numbers, and capitalised words the
 * knowledge does not use and that are not common function words (most likely names). It errs on removing too much;
 * a redacted question still tells an author what topic was missing.
 */
export function redactPersonalData(text: string, isKnownWord: (word: string) => boolean): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '[email]')
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, '[link]')
    .replace(/\+?\d[\d\s().-]{5,}\d/g, '[number]')
    .replace(/\b\w*\d{3,}\w*\b/g, '[number]')
    .replace(/\p{Lu}[\p{L}'-]+/gu, (word) => (isKnownWord(word.toLowerCase()) ? word : '[name]'))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}
