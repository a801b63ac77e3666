import { z } from 'zod';
import { Locale } from '../content/knowledgeEntry';
import { REQUEST_INTENTS } from '../engine/intentModel';

const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a camelCase identifier (letters and digits)');
const text = z.string().trim().min(1);

/** Ask a field only when an earlier answer calls for it. */
const Condition = z.strictObject({
  field: id,
  equals: z.string().optional(),
  in: z.array(z.string()).min(1).optional(),
}).refine((c) => (c.equals === undefined) !== (c.in === undefined), 'needs exactly one of "equals" or "in"');

const common = {
  id,
  /** Short name in the summary and on "Edit" buttons. */
  label: text.max(40),
  prompt: text,
  /** Why we ask: shown on "help" or "why". */
  help: text,
  required: z.boolean().default(true),
  when: Condition.optional(),
};

const lengthRules = {
  /** Take the message that started the form as a draft answer when it has at least this many words. */
  draftFromOpening: z.int().min(1).optional(),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(1).optional(),
  pattern: z.string().optional(),
  /** What to say when the answer does not match `pattern` ("a number, such as 12"). */
  patternHint: text.optional(),
};

const Choice = z.strictObject({
  value: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  label: text.max(60),
  /** Words and phrases that pick this choice, also from the message that started the form. */
  synonyms: z.array(text).default([]),
});

export const FormField = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('text'), ...lengthRules }),
  z.strictObject({ ...common, type: z.literal('longText'), ...lengthRules }),
  z.strictObject({ ...common, type: z.literal('choice'), choices: z.array(Choice).min(2) }),
  z.strictObject({ ...common, type: z.literal('email') }),
  z.strictObject({ ...common, type: z.literal('phone') }),
  z.strictObject({ ...common, type: z.literal('country') }),
  z.strictObject({ ...common, type: z.literal('date'), notFuture: z.boolean().default(false) }),
  z.strictObject({ ...common, type: z.literal('yesNo'), mustBeYes: z.boolean().default(false) }),
]);
export type FormField = z.infer<typeof FormField>;

/**
 * A guided dialog declared in dialogs/*.yaml: its fields in order, each with its prompt,
 * help and validation; what starts it; and what the partner is told when it is submitted.
 * One generic dialog runs any such file.
 */
export const FormDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  locale: Locale,
  title: text.max(60),
  /** Phrases that start this dialog when a message contains them ("request training"). */
  triggers: z.array(text).min(1),
  /**
   * Words that make a request this dialog's, whichever trigger started it: "I'd like to
   * request a course" is a request for training, not for assistance.
   */
  topicWords: z.array(text).default([]),
  /** The intent model's label (src/engine/intentModel.ts) that starts this dialog when no trigger is found. */
  intent: z.enum(REQUEST_INTENTS).optional(),
  intro: text,
  fields: z.array(FormField).min(1),
  /** Shown after submission; {reference} is the request's reference. */
  submitted: text.refine((t) => t.includes('{reference}'), 'must contain {reference}'),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

/** Whether a field is asked, given the answers so far: its condition holds, or it has none. */
export function fieldApplies(field: FormField, answers: Readonly<Record<string, string>>): boolean {
  if (!field.when) return true;
  const answer = answers[field.when.field];
  if (answer === undefined) return false;
  return field.when.in ? field.when.in.includes(answer) : field.when.equals === answer;
}
