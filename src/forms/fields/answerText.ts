/** Lowercase without accents, and full-width digits and letters (phone keyboards) made plain. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Lowercase words without accents or punctuation; apostrophes vanish so "don't" is one word. */
export function answerWords(text: string): string[] {
  return foldText(text).replace(/['’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
}

/** Invalid locale tags (they may come from a channel) fall back to English instead of throwing. */
export function withLocale<T>(locale: string, make: (locale: string) => T): T {
  try {
    return make(locale);
  } catch {
    return make('en');
  }
}
