import { z } from 'zod';
import { normalizedWords } from '../../engine/analyzer';
import { accepted, commonFieldKeys, fieldText, refused, type FieldType } from './fieldType';

export const Choice = z.strictObject({
  value: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  label: fieldText.max(60),
  /** Words and phrases that pick this choice, also from the message that started the form. */
  synonyms: z.array(fieldText).default([]),
});

const schema = z.strictObject({ ...commonFieldKeys, type: z.literal('choice'), choices: z.array(Choice).min(2) });
type ChoiceField = z.infer<typeof schema>;
const ChoiceMessages = z.strictObject({ invalid: fieldText });

const phrase = (text: string) => normalizedWords(text).join(' ');

/** The one choice whose label or synonyms the text mentions; none when several do. */
function mentionedChoice(field: ChoiceField, text: string): string | undefined {
  const said = ` ${phrase(text)} `;
  const mentioned = field.choices.filter((c) => [c.label, ...c.synonyms].some((name) => said.includes(` ${phrase(name)} `)));
  return mentioned.length === 1 ? mentioned[0]!.value : undefined;
}

/** One of a list: by its number, its value, label or a synonym, or the one choice the answer mentions. */
export const choice = {
  schema,
  messages: ChoiceMessages,
  freeText: false,
  read(field, text) {
    const said = phrase(text);
    if (!said) return refused('required');
    const number = Number.parseInt(said, 10);
    if (/^\d+$/.test(said) && number >= 1 && number <= field.choices.length) return accepted(field.choices[number - 1]!.value);
    const exact = field.choices.find((c) => [c.value, c.label, ...c.synonyms].some((name) => phrase(name) === said));
    const value = exact?.value ?? mentionedChoice(field, text);
    return value ? accepted(value) : refused('invalid');
  },
  errorText: (_field, _error, messages) => messages.invalid,
  display: (field, value) => field.choices.find((c) => c.value === value)?.label ?? value,
  buttons: (field) => field.choices.map((c) => ({ label: c.label, value: c.value })),
  conditionValues: (field) => field.choices.map((c) => c.value),
  fromOpening: (field, openingMessage) => mentionedChoice(field, openingMessage),
  check(field, problem) {
    if (new Set(field.choices.map((c) => c.value)).size !== field.choices.length) problem(['choices'], 'choice values must be unique');
  },
} satisfies FieldType<ChoiceField, z.infer<typeof ChoiceMessages>>;
