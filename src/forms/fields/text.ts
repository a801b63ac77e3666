import { z } from 'zod';
import { normalizedWords } from '../../engine/analyzer';
import { fillTemplate } from '../../content/templates';
import { accepted, commonFieldKeys, fieldText, refused, type FieldResult, type FieldType } from './fieldType';

export interface TextRules {
  minLength?: number;
  maxLength?: number;
  /** A JavaScript regular expression source that must match the whole answer (an invalid one throws: it is a content error). */
  pattern?: string;
}

const lengthRules = {
  /** Take the message that started the form as a draft answer when it has at least this many words. */
  draftFromOpening: z.int().min(1).optional(),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(1).optional(),
  pattern: z.string().optional(),
  /** What to say when the answer does not match `pattern` ("a number, such as 12"). */
  patternHint: fieldText.optional(),
};

const TextMessages = z.strictObject({
  tooShort: fieldText.refine((t) => t.includes('{min}'), 'must contain {min}'),
  tooLong: fieldText.refine((t) => t.includes('{max}'), 'must contain {max}'),
  pattern: fieldText.refine((t) => t.includes('{hint}'), 'must contain {hint}'),
});
type TextMessages = z.infer<typeof TextMessages>;

export function validateText(text: string, rules: TextRules): FieldResult {
  const value = text.replace(/[^\S\r\n]+/g, ' ').trim();
  if (!value) return refused('required');
  // Code points, not UTF-16 units or graphemes: an emoji counts once, and a pile of combining
  // marks cannot slip past maxLength as one "character".
  const length = Array.from(value).length;
  if (rules.maxLength !== undefined && length > rules.maxLength) return refused('tooLong');
  if (rules.minLength !== undefined && length < rules.minLength) return refused('tooShort');
  if (rules.pattern !== undefined && !new RegExp(`^(?:${rules.pattern})$`, 'u').test(value)) return refused('pattern');
  return accepted(value);
}

/**
 * Free text, a line (`text`) or a description (`longText`): the same rules, a different
 * default length, and a long description shortened in the summary.
 */
function textType<T extends 'text' | 'longText'>(type: T, defaultMaxLength: number, shownLength: number) {
  const schema = z.strictObject({ ...commonFieldKeys, type: z.literal(type), ...lengthRules });
  type Field = z.infer<typeof schema>;
  const rules = (field: Field): TextRules => ({ minLength: field.minLength, maxLength: field.maxLength ?? defaultMaxLength, pattern: field.pattern });
  return {
    schema,
    messages: TextMessages,
    freeText: true,
    read: (field, text) => validateText(text, rules(field)),
    errorText(field, error, messages) {
      const { minLength = 1, maxLength = defaultMaxLength } = field;
      if (error === 'tooShort') return fillTemplate(messages.tooShort, { min: String(minLength) });
      if (error === 'tooLong') return fillTemplate(messages.tooLong, { max: String(maxLength) });
      return fillTemplate(messages.pattern, { hint: field.patternHint ?? field.label });
    },
    display: (_field, value) => (value.length > shownLength ? `${value.slice(0, shownLength)}…` : value),
    fromOpening(field, openingMessage) {
      if (field.draftFromOpening === undefined || normalizedWords(openingMessage).length < field.draftFromOpening) return undefined;
      const draft = validateText(openingMessage, rules(field));
      return draft.ok ? draft.value : undefined;
    },
    check(field, problem) {
      if (field.pattern === undefined) return;
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        problem(['pattern'], 'is not a valid regular expression');
      }
    },
  } satisfies FieldType<Field, TextMessages>;
}

export const text = textType('text', 300, 300);
export const longText = textType('longText', 4000, 300);
