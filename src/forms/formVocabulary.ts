import { z } from 'zod';
import { answerWords } from './fields/answerText';

const words = z.array(z.string().trim().min(1)).min(1);

/**
 * The words of one language that the forms read (messages.yaml `forms.words`): what means yes
 * and no, the courtesy around it, today and yesterday, the country names the standard names
 * lack, and the words that ask for a request.
 */
export const FormWords = z.strictObject({
  /** Answers meaning yes and no ("claro", "d'accord", "i agree"); phrases of several words are fine. */
  yes: words,
  no: words,
  /** Politeness around an answer, ignored ("yes please", "no gracias", "oui merci"). */
  courtesy: words,
  /** A date question answered "today" or "yesterday". */
  today: words,
  yesterday: words,
  /**
   * Words that ask for something ("solicitud", "pedimos", "demande"): one shortly before the
   * name of a service, as a form's choices name it, starts that form ("Solicitud de rastreo
   * armas", "Pedimos evaluación tráfico"), as a trigger does.
   */
  request: z.array(z.string().trim().min(1)).default([]),
  /** Country names partners use that ICU's names do not give ("Holanda", "EEUU"), with their ISO code. */
  countries: z.record(z.string().trim().min(1), z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 code such as MX')),
});
export type FormWords = z.infer<typeof FormWords>;

export interface YesNoPhrase {
  words: string[];
  answer: 'yes' | 'no';
}

/**
 * The words of every language the forms speak, together: a partner answers "sí" on an
 * English form or "yes" on a French one, and both are understood. Built once from each
 * locale's `forms.words`.
 */
export class FormVocabulary {
  /** Longest phrases first, so "i do not agree" is one answer and not "not" plus "agree". */
  readonly yesNoPhrases: readonly YesNoPhrase[];
  readonly courtesy: ReadonlySet<string>;
  /** Days before today, by the words for them ("ayer" is 1). */
  readonly daysAgo: ReadonlyMap<string, number>;
  readonly countryAliases: readonly (readonly [name: string, code: string])[];

  constructor(languages: readonly FormWords[]) {
    const phrases = (list: string[], answer: 'yes' | 'no') => list.map((phrase) => ({ words: answerWords(phrase), answer }));
    this.yesNoPhrases = languages
      .flatMap((language) => [...phrases(language.yes, 'yes'), ...phrases(language.no, 'no')])
      .filter((phrase) => phrase.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
    this.courtesy = new Set(languages.flatMap((language) => language.courtesy.flatMap(answerWords)));
    this.daysAgo = new Map(languages.flatMap((language) => [
      ...language.today.map((phrase) => [answerWords(phrase).join(' '), 0] as const),
      ...language.yesterday.map((phrase) => [answerWords(phrase).join(' '), 1] as const),
    ]));
    this.countryAliases = languages.flatMap((language) => Object.entries(language.countries));
  }
}
