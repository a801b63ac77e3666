import { z } from 'zod';
import type { FormVocabulary } from '../formVocabulary';

export const fieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a camelCase identifier (letters and digits)');
export const fieldText = z.string().trim().min(1);

/** Ask a field only when an earlier answer calls for it. */
const Condition = z.strictObject({
  field: fieldId,
  equals: z.string().optional(),
  in: z.array(z.string()).min(1).optional(),
}).refine((c) => (c.equals === undefined) !== (c.in === undefined), 'needs exactly one of "equals" or "in"');

/** What every field declares, whatever its type. */
export const commonFieldKeys = {
  id: fieldId,
  /** Short name in the summary and on "Edit" buttons. */
  label: fieldText.max(40),
  prompt: fieldText,
  /** Why we ask: shown on "help" or "why". */
  help: fieldText,
  required: z.boolean().default(true),
  when: Condition.optional(),
};

/** The keys every field has, as the form engine reads them. */
export interface CommonField {
  id: string;
  label: string;
  prompt: string;
  help: string;
  required: boolean;
  when?: { field: string; equals?: string; in?: string[] };
}

/** What reading an answer needs besides the text: the partner's language, today, and the words answers use. */
export interface ReadContext {
  locale: string;
  today: Date;
  vocabulary: FormVocabulary;
}

/** The value to store, or the name of what is wrong (a key of the type's messages, or "required"). */
export type FieldResult = { ok: true; value: string } | { ok: false; error: string };

export const accepted = (value: string): FieldResult => ({ ok: true, value });
export const refused = (error: string): FieldResult => ({ ok: false, error });

/** A button that answers a field: what it shows, and the value it gives. */
export interface AnswerButton {
  label: string;
  value: string;
}

/**
 * One kind of form question (text, choice, date, ...), whole: the keys it takes in
 * dialogs/*.yaml, the sentences it says (messages.yaml `forms.types.<type>`, per locale),
 * how it reads an answer, how a stored value reads back, its buttons, and what the content
 * checks verify beyond the schema. The form engine asks the registry (fieldTypes.ts), never
 * a type's name.
 */
export interface FieldType<F extends CommonField, M> {
  /** The field's keys in a dialog file, with `type` the type's name. */
  readonly schema: z.ZodType<F>;
  /** The type's sentences in each locale's messages.yaml. */
  readonly messages: z.ZodType<M>;
  /** Anything typed is an answer (so a question mark tells a question from an answer). */
  readonly freeText: boolean;
  /** What the partner typed, or a button's value, as the value to store. */
  read(field: F, text: string, context: ReadContext): FieldResult;
  /** The sentence for what `read` refused (its error is a key of `messages`). */
  errorText(field: F, error: string, messages: M): string;
  /** How a stored value reads in the summary (plain text, not escaped). */
  display(field: F, value: string, locale: string, messages: M): string;
  /** Buttons that answer the field. */
  buttons?(field: F, messages: M): AnswerButton[];
  /** The values a later field's `when` may test; none when a condition cannot test this type. */
  conditionValues?(field: F): string[];
  /** The answer the message that opened the form already gives ("tracing", a case described at length). */
  fromOpening?(field: F, openingMessage: string, context: ReadContext): string | undefined;
  /** Checks beyond the schema (a pattern that compiles, unique choices); `problem` takes a path inside the field. */
  check?(field: F, problem: (path: PropertyKey[], message: string) => void): void;
}

/**
 * A type with no keys of its own, whose answer is right or wrong in one way only (an e-mail
 * address, a phone number): `read` gives the value to store, or "invalid".
 */
export function oneRuleFieldType<T extends string>(type: T, read: (text: string) => FieldResult) {
  const schema = z.strictObject({ ...commonFieldKeys, type: z.literal(type) });
  const messages = z.strictObject({ invalid: fieldText });
  return {
    schema,
    messages,
    freeText: false,
    read: (_field, text) => read(text),
    errorText: (_field, _error, sentences) => sentences.invalid,
    display: (_field, value) => value,
  } satisfies FieldType<z.infer<typeof schema>, z.infer<typeof messages>>;
}
