import { z } from 'zod';
import { Locale } from '../content/knowledgeEntry';
import { Choice } from './fields/choice';
import { fieldText } from './fields/fieldType';

const label = fieldText.max(40);

/** A field's words in another language; its type, rules and conditions stay the form's. */
const FieldTranslation = z.strictObject({
  label,
  prompt: fieldText,
  help: fieldText,
  patternHint: fieldText.optional(),
  /** By choice value: the label and the words that pick it in this language. */
  choices: z.record(z.string(), Choice.pick({ label: true, synonyms: true })).optional(),
});
export type FieldTranslation = z.infer<typeof FieldTranslation>;

/**
 * A dialog's words in another language (dialogs/<locale>/<form>.yaml): everything the
 * partner reads or types, and nothing about how the form works, which stays in the form's
 * own file. Every field and choice of the form must be translated.
 */
export const FormTranslation = z.strictObject({
  id: z.string(),
  locale: Locale,
  title: fieldText.max(60),
  triggers: z.array(fieldText).min(1),
  topicWords: z.array(fieldText).default([]),
  topicIdioms: z.array(fieldText).default([]),
  intro: fieldText,
  submitted: fieldText.refine((t) => t.includes('{reference}'), 'must contain {reference}'),
  /** By field id. */
  fields: z.record(z.string(), FieldTranslation),
});
export type FormTranslation = z.infer<typeof FormTranslation>;
