import type { Messages } from '../content/messages';
import { displayAnswer, type FormField } from './fields/fieldTypes';
import type { FormDefinition } from './formDefinition';

/** One answer as it reads: the field's label and the value in words (plain text). */
export interface SummaryRow {
  field: string;
  label: string;
  value: string;
}

/** A request as people read it, in one language: what IAD staff get with the stored answers. */
export interface RequestSummary {
  locale: string;
  title: string;
  rows: SummaryRow[];
}

/** The answers given, in the form's order, each as it reads in `locale` ("(not answered)" for a skipped one). */
export function summaryRows(items: readonly { field: FormField; value: string }[], messages: Messages['forms'], locale: string): SummaryRow[] {
  return items.map(({ field, value }) => ({
    field: field.id,
    label: field.label,
    value: value === '' ? messages.notAnswered : displayAnswer(field, value, locale, messages.types),
  }));
}

/**
 * The request in `definition`'s language: the labels and the chosen options in that
 * language, and what the partner typed as they typed it.
 */
export function staffSummary(definition: FormDefinition, answers: Readonly<Record<string, string>>, messages: Messages['forms'], locale: string): RequestSummary {
  const items = definition.fields.filter((field) => field.id in answers).map((field) => ({ field, value: answers[field.id]! }));
  return { locale, title: definition.title, rows: summaryRows(items, messages, locale) };
}
