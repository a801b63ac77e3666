import { z } from 'zod';
import type { FormVocabulary } from '../formVocabulary';
import { answerWords, foldText, withLocale } from './answerText';
import { accepted, commonFieldKeys, fieldText, refused, type FieldResult, type FieldType } from './fieldType';

const schema = z.strictObject({ ...commonFieldKeys, type: z.literal('date'), notFuture: z.boolean().default(false) });
const DateMessages = z.strictObject({
  invalid: fieldText,
  /** A date after today where only a past one makes sense (when the incident happened). */
  inFuture: fieldText,
});
type DateMessages = z.infer<typeof DateMessages>;

/** Month number by name and abbreviation in the partners' languages ("march", "mar", "marzo", "mars", "maart", "mrt"), from ICU. */
const MONTHS = (() => {
  const months = new Map<string, number>();
  for (const locale of ['en', 'es', 'fr', 'nl']) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) months.set(answerWords(format.format(Date.UTC(2000, month - 1, 1))).join(''), month);
    }
  }
  return months;
})();

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "26" is the year within 80 years before and 20 after today, as ICU reads two-digit years. */
function fullYear(digits: string, today: Date): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  const current = today.getUTCFullYear();
  const candidate = current - (current % 100) + year;
  return candidate >= current + 20 ? candidate - 100 : candidate < current - 80 ? candidate + 100 : candidate;
}

/** 'YYYY-MM-DD' when the date exists; a year outside 1900-2099 on a partner's form is a typo, not history. */
function calendarDay(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2099) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? isoDay(date) : undefined;
}

function numericDate(text: string, today: Date): string | undefined {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numbers = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (!numbers) return undefined;
  const [first, second] = [Number(numbers[1]), Number(numbers[3])];
  // Partners outside the US write the day first; only a second number over 12 proves a US-style date.
  const [day, month] = second > 12 ? [second, first] : [first, second];
  return calendarDay(fullYear(numbers[4]!, today), month, day);
}

/** "14 March 2026", "March 14th, 2026", "14 de marzo de 2026", "1er mars 2026", "yesterday", "ayer". */
function wordDate(text: string, today: Date, vocabulary: FormVocabulary): string | undefined {
  const parts = answerWords(text)
    .filter((word) => word !== 'de' && word !== 'del')
    .map((word) => word.replace(/^(\d{1,2})(?:st|nd|rd|th|er|e|o)$/, '$1'));
  const daysAgo = vocabulary.daysAgo.get(parts.join(' '));
  if (daysAgo !== undefined) return isoDay(new Date(today.getTime() - daysAgo * DAY_MS));
  if (parts.length !== 3) return undefined;
  const [first, second, year] = parts as [string, string, string];
  const [day, month] = MONTHS.has(second) ? [first, MONTHS.get(second)] : [second, MONTHS.get(first)];
  if (month === undefined || !/^\d{1,2}$/.test(day) || !/^(\d{2}|\d{4})$/.test(year)) return undefined;
  return calendarDay(fullYear(year, today), month, Number(day));
}

/** The value is 'YYYY-MM-DD'; `today` is compared as a calendar date in UTC. */
export function validateDate(text: string, today: Date, vocabulary: FormVocabulary, options: { notFuture?: boolean } = {}): FieldResult {
  const folded = foldText(text).trim();
  if (!folded) return refused('required');
  const value = numericDate(folded, today) ?? wordDate(folded, today, vocabulary);
  if (!value) return refused('invalid');
  return options.notFuture && value > isoDay(today) ? refused('inFuture') : accepted(value);
}

/** Plain 'en' means US English to ICU ("March 14, 2026"); partners outside the US read the day first. */
export function formatDay(value: string, locale: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!day) return value;
  const format = withLocale(locale, (l) => new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : l, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }));
  return format.format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
}

export const date = {
  schema,
  messages: DateMessages,
  freeText: false,
  read: (field, text, { today, vocabulary }) => validateDate(text, today, vocabulary, { notFuture: field.notFuture }),
  errorText: (_field, error, messages) => (error === 'inFuture' ? messages.inFuture : messages.invalid),
  display: (_field, value, locale) => formatDay(value, locale),
} satisfies FieldType<z.infer<typeof schema>, DateMessages>;
