import { eng, fra, nld, spa } from 'stopword';
import { englishDictionary } from '../engine/dictionary';

/** What the caller knows about words, each asked about one lowercase word. */
export interface KnownWords {
  /** A word of the knowledge, its synonyms or stop words: organisation names such as "rcmp" are here. */
  isKnownWord(word: string): boolean;
  /** A word of a place name (country, region, city): "mexico", "port", "spain" for Port of Spain. */
  isPlaceName(word: string): boolean;
}

const MAX_LENGTH = 300;

/**
 * Removes personal data from a partner's question before it is kept for content authors:
 * e-mail addresses, links, phone numbers, identifiers (case, serial and reference numbers,
 * licence plates, long digit runs) and people's names. Places, organisations the knowledge
 * knows, years, small numbers and ordinary words stay, so the question still tells an author
 * what was asked. Where it cannot tell a name from a word it removes the word.
 */
export function redactPersonalData(text: string, known: KnownWords): string {
  const masked = text
    .replace(EMAIL, '[email]')
    .replace(LINK, '[link]')
    .replace(IDENTIFIER_AFTER_CUE, (_whole, cue: string) => `${cue}[number]`)
    .replace(TOKEN, (token) => (isIdentifier(token, known) ? '[number]' : token))
    .replace(PHONE, (phone) => (digitCount(phone) >= 7 && !onlyYears(phone) ? '[number]' : phone))
    .replace(LONG_DIGIT_RUN, '[number]')
    .replace(SPACED_PLATE, (plate, letters: string, digits: string) =>
      known.isKnownWord(letters.toLowerCase()) || isYear(digits) ? plate : '[number]',
    );
  return redactNames(masked, known).replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH);
}

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;
/** "case 4471", "ref: AB-12", "#12345", "expediente 88": after such a word any token with a digit identifies something. */
const IDENTIFIER_AFTER_CUE =
  /((?<!\p{L})(?:case|ref|reference|ticket|serial|plate|incident|caso|expediente|referencia|dossier|référence|zaak|kenteken|referentie)(?:\s+(?:number|no\.?|nr\.?|#))?[\s:]*|#\s*|(?<!\p{L})(?:no\.|nr\.?|n[°º])\s*)[\p{L}\p{N}]*\p{N}[\p{L}\p{N}/-]*/giu;
/** Letters and digits joined by hyphens or slashes: "BXK482", "4471-AC23", "IAD-2026-000123", "AK-47". */
const TOKEN = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*(?![\p{L}\p{N}])/gu;
/** Digit groups as people write phone numbers: "+52 (55) 1234-5678", "613.555.0199". */
const PHONE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]*\d(?![\p{L}\p{N}])/gu;
const LONG_DIGIT_RUN = /\d{5,}/g;
/** A licence plate written with a space: "ABC 1234". */
const SPACED_PLATE = /(?<![\p{L}\p{N}])(\p{Lu}{2,3}) (\d{3,4})(?![\p{L}\p{N}])/gu;

/**
 * A serial or reference number, not a model or a measure: letters and at least three digits
 * ("BXK482"), or two digits in three or more parts ("AB-12-CD"). "AK-47", "COVID-19", "9mm",
 * "1990s" and "21st" stay, and so does any token the knowledge uses.
 */
function isIdentifier(token: string, known: KnownWords): boolean {
  if (!/\p{L}/u.test(token) || !/\d/.test(token)) return false;
  if (/^\d+(?:st|nd|rd|th|s|mm|cm|km|kg|lbs?|am|pm|h|k|m|g)$/i.test(token)) return false;
  const digits = digitCount(token);
  const parts = token.split(/[-/]/).length;
  return (digits >= 3 || (digits >= 2 && parts >= 3)) && !known.isKnownWord(token.toLowerCase());
}

function digitCount(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** "2019-2024", "2025 2026": a period, not a phone number. */
function onlyYears(text: string): boolean {
  return text.split(/\D+/).filter(Boolean).every(isYear);
}

function isYear(digits: string): boolean {
  return /^(19|20)\d\d$/.test(digits);
}

/** A word with its inner apostrophes and hyphens: "O'Brien", "ATF's", "Jean-Pierre", "d'Interpol". */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
/** French and Dutch elisions in front of a name ("d'Interpol", "l'ATF"): the word is judged without them. */
const ELISION = /^(?:[cdjlmnst]|qu)['’](?=\p{Lu})/iu;
/** The words that, right before, make what follows a name whatever it is, up to three lowercase words. */
const NAMING_CUE = /(?:\bmy name is|\bme llamo|\bmi nombre es|\bje m['’]appelle|\bmon nom est|\bmijn naam is|\bik heet)\s+$/iu;
/** The words that, right before, make the capitalised words that follow a name. */
const INTRODUCTION_CUE = /(?:\bi am|\bi['’]m|\bsoy|\bje suis|\bik ben)\s+$/iu;
/** "Maria here, ..." */
const SIGNATURE_AFTER = /^\s+(?:here|speaking|aquí|aqui|ici|hier)\b/iu;
/** Titles and ranks: the capitalised words after them are a name, and they are not one. */
const TITLES = new Set(
  'mr mrs ms miss dr officer agent inspector sergeant sgt commander detective captain lieutenant señor señora sr sra srta monsieur madame mme mlle dhr mevr meneer mevrouw'.split(' '),
);
/** Greetings and courtesies people capitalise anywhere in a message. */
const COURTESIES =
  'hello hi hey dear thanks thank please regards hola buenos buenas días dias tardes noches gracias saludos estimado estimada estimados bonjour bonsoir merci salut cordialement hallo goedemorgen goedemiddag goedenavond bedankt dank groeten beste'.split(' ');
/** Languages partners name ("in Spanish"), in the four languages below. */
const LANGUAGE_CODES = 'en es fr nl pt de it ar zh ru ja ko ht'.split(' ');
const LOCALES = ['en', 'es', 'fr', 'nl'];

let common: ReadonlySet<string> | undefined;

/**
 * Words that are capitalised without being names, anywhere in a sentence: English, Spanish,
 * French and Dutch stop words, courtesies, titles, and the names of months, weekdays and
 * languages. Only stop words and these: the English dictionary lists many first names and
 * surnames ("john", "smith", "maria"), so it only vouches for a sentence's first word.
 */
function commonWords(): ReadonlySet<string> {
  if (!common) {
    const words = new Set<string>([...eng, ...spa, ...fra, ...nld, ...COURTESIES, ...TITLES]);
    for (const locale of LOCALES) {
      const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
      const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
      for (let i = 0; i < 12; i++) words.add(month.format(Date.UTC(2024, i, 1)).toLocaleLowerCase(locale));
      for (let i = 0; i < 7; i++) words.add(weekday.format(Date.UTC(2024, 0, 1 + i)).toLocaleLowerCase(locale));
      const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      for (const code of LANGUAGE_CODES) lowercaseWords(languages.of(code) ?? '', locale).forEach((word) => words.add(word));
    }
    common = new Set([...words].flatMap((word) => [word, withoutAccents(word)]));
  }
  return common;
}

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

interface WordAt {
  start: number;
  end: number;
  /** The word without a leading elision: what is judged and replaced. */
  core: string;
  capitalised: boolean;
  sentenceStart: boolean;
}

/**
 * Replaces each word of a person's name with [name]. A name is a run of capitalised words
 * after a cue ("my name is", "I am", "soy", "Mr", "officer"), or capitalised words that are
 * neither known words, place names, common words nor acronyms. A sentence's first word
 * is also kept when it is an English dictionary word, unless the rest of its run is a name
 * ("John Smith asked") or it signs the message ("Maria here").
 */
function redactNames(text: string, known: KnownWords): string {
  const words = wordsOf(text);
  const shouting = words.length >= 3 && words.filter((w) => w.core.length > 1 && w.core === w.core.toUpperCase()).length / words.length >= 0.6;
  const isAcronym = (word: WordAt) => !shouting && /^\p{Lu}{2,5}$/u.test(stripContraction(word.core));
  const isOrdinary = (word: WordAt) => word.core.length === 1 || isAcronym(word) || isCommonOrKnown(word.core.toLowerCase(), known);
  const names = new Set<WordAt>();

  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const before = text.slice(Math.max(0, word.start - 40), word.start);
    const naming = NAMING_CUE.test(before);
    if (naming || INTRODUCTION_CUE.test(before) || (i > 0 && followsTitle(words[i - 1]!, word, text))) {
      // After a cue even known words and place names are the name ("Officer Jordan", "I am Mark").
      let j = i;
      let lowercase = 0;
      for (; j < words.length && (j === i || joined(text, words[j - 1]!, words[j]!)); j++) {
        const current = words[j]!;
        const lower = current.core.toLowerCase();
        if (current.capitalised && !isAcronym(current)) {
          if (!TITLES.has(lower)) names.add(current);
        } else if (naming && !current.capitalised && lowercase < 3 && !commonWords().has(lower)) {
          names.add(current);
          lowercase++;
        } else break;
      }
      if (j > i) {
        i = j;
        continue;
      }
    }
    if (!word.capitalised) {
      i++;
      continue;
    }
    // A title ends its run, so that the words after it are judged as following a cue.
    const run = [word];
    for (let next = words[i + 1]; next?.capitalised && joined(text, run.at(-1)!, next) && !isTitle(run.at(-1)!) && !isTitle(next); next = words[i + run.length]) {
      run.push(next);
    }
    const nameLike = run.filter((w) => !isOrdinary(w));
    for (const w of nameLike) {
      const openerOnItsOwn =
        w === run[0] && w.sentenceStart && nameLike.length === 1 && englishDictionary().has(stripContraction(w.core).toLowerCase()) && !SIGNATURE_AFTER.test(text.slice(run.at(-1)!.end));
      if (!openerOnItsOwn) names.add(w);
    }
    i += run.length;
  }

  let result = '';
  let last = 0;
  for (const word of words) {
    if (!names.has(word)) continue;
    result += text.slice(last, word.end - word.core.length) + '[name]';
    last = word.end;
  }
  return result + text.slice(last);
}

function wordsOf(text: string): WordAt[] {
  const words: WordAt[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const core = match[0].replace(ELISION, '');
    const gap = words.length === 0 ? text.slice(0, start) : text.slice(words.at(-1)!.end, start);
    words.push({
      start,
      end: start + match[0].length,
      core,
      capitalised: /^\p{Lu}/u.test(core),
      sentenceStart: words.length === 0 ? !/[\p{L}\p{N}]/u.test(gap) : /[.!?…:;\n]/u.test(gap),
    });
  }
  return words;
}

/** Two words of one run: only spaces between them. */
function joined(text: string, a: WordAt, b: WordAt): boolean {
  return /^[ \t]+$/.test(text.slice(a.end, b.start));
}

function isTitle(word: WordAt): boolean {
  return TITLES.has(word.core.toLowerCase());
}

/** "Mr Smith", "Dr. Lopez", "officer Garcia". */
function followsTitle(previous: WordAt, word: WordAt, text: string): boolean {
  return word.capitalised && isTitle(previous) && /^\.?[ \t]+$/.test(text.slice(previous.end, word.start));
}

/** "ATF's" -> "ATF", "don't" -> "do", "can't" -> "can": English contractions say nothing about the word. */
function stripContraction(word: string): string {
  return word.replace(/(?<=\p{L}{2})n['’]t$/u, '').replace(/['’](?:s|m|re|ve|ll|d|t)$/iu, '');
}

function isCommonOrKnown(lowercase: string, known: KnownWords): boolean {
  const judge = (word: string) =>
    commonWords().has(word) || commonWords().has(withoutAccents(word)) || known.isKnownWord(word) || known.isPlaceName(word);
  const word = stripContraction(lowercase);
  const candidates = lowercase.endsWith("n't") || lowercase.endsWith('n’t') ? [word, `${word}n`] : [word];
  return candidates.some((candidate) => judge(candidate) || (/-/.test(candidate) && candidate.split('-').every(judge)));
}

/**
 * The words of every country and region name (ISO 3166 codes and UN M.49 areas such as
 * "Caribbean" and "Latin America") in the given languages, lowercase: "trinidad", "tobago",
 * "países", "bajos". A word-level list, so it also holds words that are first names
 * ("jordan", "georgia", "martin" of Saint Martin); the cues still catch those in
 * "my name is Martin".
 */
export function placeNamesFromIntl(locales: string[]): Set<string> {
  const words = new Set<string>();
  for (const locale of locales) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of regionCodes()) {
      const name = names.of(code);
      if (name) lowercaseWords(name, locale).forEach((word) => words.add(word));
    }
  }
  return words;
}

/** Every assigned two-letter code and M.49 number; private-use codes (AA, QM-QZ, XA-XZ but XK, ZZ) name no place. */
function regionCodes(): string[] {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const pairs = letters.flatMap((first) => letters.map((second) => first + second));
  const privateUse = (code: string) => code === 'AA' || code === 'ZZ' || (code[0] === 'Q' && code[1]! >= 'M') || (code[0] === 'X' && code !== 'XK');
  const numbers = Array.from({ length: 999 }, (_, i) => String(i + 1).padStart(3, '0'));
  return [...pairs.filter((code) => !privateUse(code)), ...numbers];
}

function lowercaseWords(text: string, locale: string): string[] {
  return text
    .toLocaleLowerCase(locale)
    .split(/[^\p{L}\p{M}]+/u)
    .filter((word) => word.length > 1);
}
