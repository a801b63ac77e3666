import { z } from 'zod';
import type { FormVocabulary } from '../formVocabulary';
import { answerWords } from './answerText';
import { accepted, commonFieldKeys, fieldText, refused, type FieldResult, type FieldType } from './fieldType';

const label = z.string().trim().min(1).max(60, 'button labels must be at most 60 characters');
const schema = z.strictObject({ ...commonFieldKeys, type: z.literal('yesNo'), mustBeYes: z.boolean().default(false) });
const YesNoMessages = z.strictObject({
  /** The buttons, and how the answer reads in the summary. */
  yes: label,
  no: label,
  invalid: fieldText,
  /** A "no" where only a yes lets the request go on (consent). */
  mustBeYes: fieldText,
});
type YesNoMessages = z.infer<typeof YesNoMessages>;

/** The one answer the words give, or undefined when they give none, both, or say something else ("not sure"). */
function answerIn(tokens: string[], vocabulary: FormVocabulary): string | undefined {
  let answer: string | undefined;
  for (let i = 0; i < tokens.length; ) {
    if (vocabulary.courtesy.has(tokens[i]!)) {
      i++;
      continue;
    }
    const match = vocabulary.yesNoPhrases.find(({ words }) => words.every((word, j) => tokens[i + j] === word));
    if (!match || (answer !== undefined && answer !== match.answer)) return undefined;
    answer = match.answer;
    i += match.words.length;
  }
  return answer;
}

/** "yes" or "no", in any of the forms' languages, with courtesy and thumbs. */
export function validateYesNo(text: string, vocabulary: FormVocabulary): FieldResult {
  // Thumbs become words before reading, so skin tones and emoji variants do not matter.
  const answer = answerIn(answerWords(text.replace(/👍/gu, ' yes ').replace(/👎/gu, ' no ')), vocabulary);
  if (answer) return accepted(answer);
  return refused(text.trim() ? 'invalid' : 'required');
}

export const yesNo = {
  schema,
  messages: YesNoMessages,
  freeText: false,
  read(field, text, { vocabulary }) {
    const result = validateYesNo(text, vocabulary);
    return result.ok && field.mustBeYes && result.value === 'no' ? refused('mustBeYes') : result;
  },
  errorText: (_field, error, messages) => (error === 'mustBeYes' ? messages.mustBeYes : messages.invalid),
  display: (_field, value, _locale, messages) => (value === 'yes' ? messages.yes : value === 'no' ? messages.no : value),
  buttons: (_field, messages) => [{ label: messages.yes, value: 'yes' }, { label: messages.no, value: 'no' }],
  conditionValues: () => ['yes', 'no'],
} satisfies FieldType<z.infer<typeof schema>, YesNoMessages>;
