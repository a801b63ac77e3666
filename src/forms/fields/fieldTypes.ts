import { z } from 'zod';
import { choice } from './choice';
import { country } from './country';
import { date } from './date';
import { email } from './email';
import type { AnswerButton, CommonField, FieldResult, FieldType, ReadContext } from './fieldType';
import { phone } from './phone';
import { longText, text } from './text';
import { yesNo } from './yesNo';

/**
 * Every kind of form question, by the name dialog files give it. Adding a type is a module
 * beside these and a line here; its sentences go in each locale's messages.yaml under
 * `forms.types`.
 */
const FIELD_TYPES = { text, longText, choice, email, phone, country, date, yesNo } as const;
export type FieldTypeName = keyof typeof FIELD_TYPES;

export const FormField = z.discriminatedUnion('type', [text.schema, longText.schema, choice.schema, email.schema, phone.schema, country.schema, date.schema, yesNo.schema]);
export type FormField = z.infer<typeof FormField>;

/** Each type's sentences, as messages.yaml `forms.types` holds them. */
export const FieldTypeMessages = z.strictObject({
  text: text.messages,
  longText: longText.messages,
  choice: choice.messages,
  email: email.messages,
  phone: phone.messages,
  country: country.messages,
  date: date.messages,
  yesNo: yesNo.messages,
});
export type FieldTypeMessages = z.infer<typeof FieldTypeMessages>;

/** The field's type, and its sentences, seen through the common interface (each type is checked against it where it is written). */
function typeOf(field: FormField): FieldType<CommonField, unknown> {
  return FIELD_TYPES[field.type] as unknown as FieldType<CommonField, unknown>;
}

export function readAnswer(field: FormField, text: string, context: ReadContext): FieldResult {
  return typeOf(field).read(field, text, context);
}

export function errorText(field: FormField, error: string, messages: FieldTypeMessages): string {
  return typeOf(field).errorText(field, error, messages[field.type]);
}

export function displayAnswer(field: FormField, value: string, locale: string, messages: FieldTypeMessages): string {
  return typeOf(field).display(field, value, locale, messages[field.type]);
}

export function answerButtons(field: FormField, messages: FieldTypeMessages): AnswerButton[] {
  return typeOf(field).buttons?.(field, messages[field.type]) ?? [];
}

export function isFreeText(field: FormField): boolean {
  return typeOf(field).freeText;
}

export function conditionValues(field: FormField): string[] | undefined {
  return typeOf(field).conditionValues?.(field);
}

export function answerFromOpening(field: FormField, openingMessage: string, context: ReadContext): string | undefined {
  return typeOf(field).fromOpening?.(field, openingMessage, context);
}

export function checkField(field: FormField, problem: (path: PropertyKey[], message: string) => void): void {
  typeOf(field).check?.(field, problem);
}
