/**
 * Validators for the answers partners type into a guided form. They are forgiving about how
 * an answer is written (partners write in English, Spanish, French or Dutch, on phones, with
 * their own conventions for dates and numbers) and strict about what it means; each returns
 * a result and never throws on what a partner types.
 */
export type ValidationError =
  | 'required' | 'tooShort' | 'tooLong' | 'pattern'
  | 'email' | 'phone' | 'country' | 'date' | 'dateInFuture' | 'yesNo';
export type ValidationResult = { ok: true; value: string } | { ok: false; error: ValidationError };

export interface TextRules {
  minLength?: number;
  maxLength?: number;
  /** A JavaScript regular expression source that must match the whole answer (an invalid one throws: it is a content error). */
  pattern?: string;
}

const ok = (value: string): ValidationResult => ({ ok: true, value });
const fail = (error: ValidationError): ValidationResult => ({ ok: false, error });

/** Lowercase without accents, and full-width digits and letters (phone keyboards) made plain. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Lowercase words without accents or punctuation; apostrophes vanish so "don't" is one word. */
function words(text: string): string[] {
  return fold(text).replace(/['’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
}

/** Invalid locale tags (they may come from a channel) fall back to English instead of throwing. */
function withLocale<T>(locale: string, make: (locale: string) => T): T {
  try {
    return make(locale);
  } catch {
    return make('en');
  }
}

export function validateText(text: string, rules: TextRules): ValidationResult {
  const value = text.replace(/[^\S\r\n]+/g, ' ').trim();
  if (!value) return fail('required');
  // Code points, not UTF-16 units or graphemes: an emoji counts once, and a pile of combining
  // marks cannot slip past maxLength as one "character".
  const length = Array.from(value).length;
  if (rules.maxLength !== undefined && length > rules.maxLength) return fail('tooLong');
  if (rules.minLength !== undefined && length < rules.minLength) return fail('tooShort');
  if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`, 'u').test(value)) return fail('pattern');
  return ok(value);
}

const MAX_EMAIL_LENGTH = 254;
const EMAIL = /^(?!\.)(?!.*\.\.)[^\s@<>()[\]\\,;:"]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** Pragmatic, not RFC 5322: it catches typos, and the address is confirmed by writing to it. */
export function validateEmail(text: string): ValidationResult {
  let value = text.trim();
  if (!value) return fail('required');
  // Mail clients paste addresses as <x@y> or mailto:x@y.
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1).trim();
  value = value.replace(/^mailto:/i, '').toLowerCase();
  if (value.length > MAX_EMAIL_LENGTH) return fail('tooLong');
  return EMAIL.test(value) ? ok(value) : fail('email');
}

/** Longer than any phone number with separators and an extension; also keeps the regexes cheap. */
const MAX_PHONE_LENGTH = 64;
const EXTENSION = /^(.*?)\s*(?:ext(?:ension)?|x)[.:]?\s*(\d{1,6})$/;

export function validatePhone(text: string): ValidationResult {
  const trimmed = fold(text).trim();
  if (!trimmed) return fail('required');
  if (trimmed.length > MAX_PHONE_LENGTH) return fail('phone');
  const [, number = trimmed, extension] = EXTENSION.exec(trimmed) ?? [];
  const international = /^(\+|00)/.test(number);
  // "+31 (0)20 ..." is how Europeans write the trunk 0 that is dialled only inside the country.
  const main = international ? number.replace(/\(\s*0\s*\)/g, '') : number;
  if (!/^\+?[\d\s().-]+$/.test(main)) return fail('phone');
  const digits = main.replace(/\D/g, '').slice(main.startsWith('00') ? 2 : 0);
  if (digits.length < 7 || digits.length > 15 || (international && digits.startsWith('0'))) return fail('phone');
  return ok(`${international ? '+' : ''}${digits}${extension ? ` ext ${extension}` : ''}`);
}

/**
 * Two-letter codes that are not countries or territories (EU, UN, pseudo-locales, "unknown")
 * or are only reserved for postal and telecom use (Ascension, Canary Islands, ...). Kosovo's
 * XK is not ISO but every partner system uses it, so it stays.
 */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

/** Names partners use that Intl.DisplayNames does not give. */
const COUNTRY_ALIASES: [string, string][] = [
  ['USA', 'US'], ['United States of America', 'US'], ['UK', 'GB'], ['Great Britain', 'GB'],
  ['Holland', 'NL'], ['Trinidad', 'TT'], ['Antigua', 'AG'], ['St Kitts', 'KN'], ['St Vincent', 'VC'],
  ['St Maarten', 'SX'], ['Bonaire', 'BQ'], ['Sint Eustatius', 'BQ'], ['Saba', 'BQ'], ['Turks and Caicos', 'TC'],
  ['Turkey', 'TR'], ['Czech Republic', 'CZ'], ['Ivory Coast', 'CI'],
];

function letterPairs(): string[] {
  const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
  return letters.flatMap((first) => letters.map((second) => first + second));
}

/**
 * ISO 3166-1 codes ICU knows. Deprecated ones (AN, YU, ...) canonicalise to their successor
 * and are left out, so a name maps to the current code ("Curaçao" is CW, not AN).
 */
const COUNTRY_CODES = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return letterPairs().filter((code) => !NOT_COUNTRIES.has(code) && names.of(code) !== code && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`);
})();

/** A flag emoji's regional indicators spell its code: 🇲🇽 is "MX". */
function flagLetters(text: string): string {
  return text.replace(/[\u{1F1E6}-\u{1F1FF}]/gu, (indicator) => String.fromCharCode(indicator.codePointAt(0)! - 0x1f1e6 + 65));
}

/** "The Bahamas", "St. Lucia", "U.S.A.", "Trinidad & Tobago" compare as "bahamas", "saint lucia", "usa", ... */
function countryKey(name: string): string {
  const key = words(flagLetters(name).replace(/&/g, ' and ').replace(/\./g, ''))
    // Alone, "st" is São Tomé's code.
    .map((word, i, all) => (word === 'st' && i < all.length - 1 ? 'saint' : word));
  return (key[0] === 'the' ? key.slice(1) : key).join(' ');
}

/** "Myanmar (Burma)" is also "Myanmar" and "Burma". */
function nameVariants(name: string): string[] {
  const match = /^(.*)\((.*)\)(.*)$/.exec(name);
  return match ? [name, `${match[1]}${match[3]}`, match[2]!] : [name];
}

function regionNames(locale: string, style: 'long' | 'short' = 'long'): Intl.DisplayNames {
  return withLocale(locale, (l) => new Intl.DisplayNames([l], { type: 'region', style }));
}

/** Country code by spelling, per resolved locale (so odd locale tags cannot grow the cache). */
const countryTables = new Map<string, Map<string, string>>();

function countryTable(locale: string): Map<string, string> {
  const resolved = regionNames(locale).resolvedOptions().locale;
  const cached = countryTables.get(resolved);
  if (cached) return cached;
  const table = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = countryKey(name);
    if (key && !table.has(key)) table.set(key, code);
  };
  for (const code of COUNTRY_CODES) add(code, code);
  for (const [alias, code] of COUNTRY_ALIASES) add(alias, code);
  for (const names of [...new Set([resolved, 'en'])].flatMap((l) => [regionNames(l), regionNames(l, 'short')])) {
    for (const code of COUNTRY_CODES) nameVariants(names.of(code) ?? code).forEach((name) => add(name, code));
  }
  countryTables.set(resolved, table);
  return table;
}

/**
 * Two-letter words of the partners' languages that are also country codes: typed in lower
 * case, "no" answers the question rather than naming Norway ("NO" still does).
 */
const WORDS_NOT_CODES = new Set(['no', 'it', 'is', 'in', 'me', 'so', 'to', 'be', 'at', 'my', 'as', 'am', 'by', 'do', 'id', 'si', 'la', 'de', 'ne', 'se', 'je', 'il', 'et', 'ma']);

/** Accepts the code, the English name, the name in `locale` and common aliases; the value is the ISO code. */
export function validateCountry(text: string, locale = 'en'): ValidationResult {
  const key = countryKey(text);
  if (!key) return text.trim() ? fail('country') : fail('required');
  if (WORDS_NOT_CODES.has(text.trim())) return fail('country');
  const code = countryTable(locale).get(key);
  return code ? ok(code) : fail('country');
}

export function countryName(code: string, locale = 'en'): string {
  return /^[a-z]{2}$/i.test(code) ? (regionNames(locale).of(code.toUpperCase()) ?? code) : code;
}

/** Month number by name and abbreviation in the partners' languages ("march", "mar", "marzo", "mars", "maart", "mrt"). */
const MONTHS = (() => {
  const months = new Map<string, number>();
  for (const locale of ['en', 'es', 'fr', 'nl']) {
    for (const style of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month++) months.set(words(format.format(Date.UTC(2000, month - 1, 1))).join(''), month);
    }
  }
  return months;
})();

/** Days before `today` that these words mean, in the same languages. */
const RELATIVE_DAYS = new Map([
  ['today', 0], ['hoy', 0], ['aujourdhui', 0], ['vandaag', 0],
  ['yesterday', 1], ['ayer', 1], ['hier', 1], ['gisteren', 1],
]);

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

/** "14 March 2026", "March 14th, 2026", "14 de marzo de 2026", "1er mars 2026", "yesterday". */
function wordDate(text: string, today: Date): string | undefined {
  const parts = words(text)
    .filter((word) => word !== 'de' && word !== 'del')
    .map((word) => word.replace(/^(\d{1,2})(?:st|nd|rd|th|er|e|o)$/, '$1'));
  const relative = RELATIVE_DAYS.get(parts.join(' '));
  if (relative !== undefined) return isoDay(new Date(today.getTime() - relative * DAY_MS));
  if (parts.length !== 3) return undefined;
  const [first, second, year] = parts as [string, string, string];
  const [day, month] = MONTHS.has(second) ? [first, MONTHS.get(second)] : [second, MONTHS.get(first)];
  if (month === undefined || !/^\d{1,2}$/.test(day) || !/^(\d{2}|\d{4})$/.test(year)) return undefined;
  return calendarDay(fullYear(year, today), month, Number(day));
}

/** The value is 'YYYY-MM-DD'; `today` is compared as a calendar date in UTC. */
export function validateDate(text: string, today: Date, options: { notFuture?: boolean } = {}): ValidationResult {
  const folded = fold(text).trim();
  if (!folded) return fail('required');
  const value = numericDate(folded, today) ?? wordDate(folded, today);
  if (!value) return fail('date');
  return options.notFuture && value > isoDay(today) ? fail('dateInFuture') : ok(value);
}

const YES = ['yes', 'y', 'yeah', 'yep', 'sure', 'ok', 'okay', 'of course', 'i agree', 'agree', 'si', 'oui', 'ja', 'true', 'claro', 'de acuerdo', 'daccord', 'akkoord'];
const NO = ['no', 'n', 'nope', 'not', 'non', 'nee', 'nein', 'false', 'i do not agree', 'i dont agree', 'do not agree', 'dont agree', 'disagree', 'dont', 'pas daccord'];
/** Politeness around an answer ("yes please", "no gracias", "oui merci", "nee bedankt"). */
const COURTESY = new Set(['please', 'thanks', 'thank', 'you', 'gracias', 'por', 'favor', 'merci', 'sil', 'vous', 'plait', 'bedankt', 'dank', 'je', 'graag']);

const phrases = (list: string[], answer: 'yes' | 'no') => list.map((phrase) => ({ words: phrase.split(' '), answer }));
/** Longest phrases first, so "i do not agree" is one answer and not "not" plus "agree". */
const ANSWERS = [...phrases(YES, 'yes'), ...phrases(NO, 'no')].sort((a, b) => b.words.length - a.words.length);

/** The one answer the words give, or undefined when they give none, both, or say something else ("not sure"). */
function answerIn(tokens: string[]): string | undefined {
  let answer: string | undefined;
  for (let i = 0; i < tokens.length; ) {
    if (COURTESY.has(tokens[i]!)) {
      i++;
      continue;
    }
    const match = ANSWERS.find(({ words }) => words.every((word, j) => tokens[i + j] === word));
    if (!match || (answer !== undefined && answer !== match.answer)) return undefined;
    answer = match.answer;
    i += match.words.length;
  }
  return answer;
}

export function validateYesNo(text: string): ValidationResult {
  // Thumbs become words before reading, so skin tones and emoji variants do not matter.
  const answer = answerIn(words(text.replace(/👍/gu, ' yes ').replace(/👎/gu, ' no ')));
  if (answer) return ok(answer);
  return fail(text.trim() ? 'yesNo' : 'required');
}

/** How a stored value reads in a summary. */
export function formatForDisplay(type: 'country' | 'date' | 'yesNo' | 'phone' | 'email' | 'text', value: string, locale = 'en'): string {
  switch (type) {
    case 'country':
      return countryName(value, locale);
    case 'date':
      return formatDay(value, locale);
    case 'yesNo':
      return value === 'yes' ? 'Yes' : value === 'no' ? 'No' : value;
    default:
      return value;
  }
}

/** Plain 'en' means US English to ICU ("March 14, 2026"); partners outside the US read the day first. */
function formatDay(value: string, locale: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!day) return value;
  const format = withLocale(locale, (l) => new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : l, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }));
  return format.format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
}
