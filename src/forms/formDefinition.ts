import { z } from 'zod';
import { Locale } from '../content/knowledgeEntry';
import { REQUEST_INTENTS } from '../engine/intentModel';
import { FormField } from './fields/fieldTypes';

const text = z.string().trim().min(1);

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
  /** Phrases in which a topic word means something else: "in the course of the operation" asks for no course. */
  topicIdioms: z.array(text).default([]),
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
