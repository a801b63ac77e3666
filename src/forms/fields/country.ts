import { z } from 'zod';
import type { FormVocabulary } from '../formVocabulary';
import { answerWords, withLocale } from './answerText';
import { accepted, commonFieldKeys, fieldText, refused, type FieldResult, type FieldType } from './fieldType';

const schema = z.strictObject({ ...commonFieldKeys, type: z.literal('country') });
const CountryMessages = z.strictObject({ invalid: fieldText });

/**
 * Two-letter codes that are not countries or territories (EU, UN, pseudo-locales, "unknown")
 * or are only reserved for postal and telecom use (Ascension, Canary Islands, ...). Kosovo's
 * XK is not ISO but every partner system uses it, so it stays.
 */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UN', 'XA', 'XB', 'ZZ']);

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

/** Articles before a country's name: "The Bahamas", "los Estados Unidos", "la Haïti", "les Pays-Bas". */
const ARTICLES = new Set(['the', 'el', 'la', 'los', 'las', 'le', 'les', 'l']);

/** "The Bahamas", "St. Lucia", "U.S.A.", "Trinidad & Tobago" compare as "bahamas", "saint lucia", "usa", ... */
function countryKey(name: string): string {
  const key = answerWords(flagLetters(name).replace(/&/g, ' and ').replace(/\./g, '').replace(/\b[lL]['’]/g, 'l '))
    // Alone, "st" is São Tomé's code.
    .map((word, i, all) => (word === 'st' && i < all.length - 1 ? 'saint' : word));
  return (key.length > 1 && ARTICLES.has(key[0]!) ? key.slice(1) : key).join(' ');
}

/** "Myanmar (Burma)" is also "Myanmar" and "Burma". */
function nameVariants(name: string): string[] {
  const match = /^(.*)\((.*)\)(.*)$/.exec(name);
  return match ? [name, `${match[1]}${match[3]}`, match[2]!] : [name];
}

function regionNames(locale: string, style: 'long' | 'short' = 'long'): Intl.DisplayNames {
  return withLocale(locale, (l) => new Intl.DisplayNames([l], { type: 'region', style }));
}

/** Country code by spelling: codes, and ICU's names in every language the forms speak. Built once per set of languages. */
const countryTables = new Map<string, Map<string, string>>();

function countryTable(locales: readonly string[]): Map<string, string> {
  const resolved = [...new Set(locales.map((locale) => regionNames(locale).resolvedOptions().locale))].sort();
  const cacheKey = resolved.join(',');
  const cached = countryTables.get(cacheKey);
  if (cached) return cached;
  const table = new Map<string, string>();
  for (const code of COUNTRY_CODES) table.set(code.toLowerCase(), code);
  for (const names of resolved.flatMap((l) => [regionNames(l), regionNames(l, 'short')])) {
    for (const code of COUNTRY_CODES) {
      for (const name of nameVariants(names.of(code) ?? code)) {
        const key = countryKey(name);
        if (key && !table.has(key)) table.set(key, code);
      }
    }
  }
  countryTables.set(cacheKey, table);
  return table;
}

/** The vocabulary's aliases by key, built once per vocabulary. */
const aliasTables = new WeakMap<FormVocabulary, Map<string, string>>();

function aliasTable(vocabulary: FormVocabulary): Map<string, string> {
  let table = aliasTables.get(vocabulary);
  if (!table) {
    table = new Map(vocabulary.countryAliases.map(([name, code]) => [countryKey(name), code]));
    aliasTables.set(vocabulary, table);
  }
  return table;
}

/**
 * Two-letter words of the partners' languages that are also country codes: typed in lower
 * case, "no" answers the question rather than naming Norway ("NO" still does).
 */
const WORDS_NOT_CODES = new Set(['no', 'it', 'is', 'in', 'me', 'so', 'to', 'be', 'at', 'my', 'as', 'am', 'by', 'do', 'id', 'si', 'la', 'de', 'ne', 'se', 'je', 'il', 'et', 'ma']);

/**
 * Accepts the code, the name in English and in `locale`, and the vocabulary's aliases; the
 * value is the ISO code.
 */
export function validateCountry(text: string, locale: string, vocabulary: FormVocabulary): FieldResult {
  const key = countryKey(text);
  if (!key) return text.trim() ? refused('invalid') : refused('required');
  if (WORDS_NOT_CODES.has(text.trim())) return refused('invalid');
  const code = aliasTable(vocabulary).get(key) ?? countryTable([locale, 'en']).get(key);
  return code ? accepted(code) : refused('invalid');
}

/** The country's name in `locale` ("MX" is "Mexico", "México", "Mexique"). */
export function countryName(code: string, locale: string): string {
  return /^[a-z]{2}$/i.test(code) ? (regionNames(locale).of(code.toUpperCase()) ?? code) : code;
}

export const country = {
  schema,
  messages: CountryMessages,
  freeText: false,
  read: (_field, text, { locale, vocabulary }) => validateCountry(text, locale, vocabulary),
  errorText: (_field, _error, messages) => messages.invalid,
  display: (_field, value, locale) => countryName(value, locale),
} satisfies FieldType<z.infer<typeof schema>, z.infer<typeof CountryMessages>>;
