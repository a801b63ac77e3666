import { z } from 'zod';
import type { FormField } from './fields/fieldTypes';
import { fieldApplies, type FormDefinition } from './formDefinition';

/**
 * The zod schema of a form's complete answers, derived from its definition: every field that
 * applies is present (optional ones may be empty), no other key is, and each value passes the
 * field's validator again. A submit is checked against it, so a record that a changed
 * definition or a bug made inconsistent is never stored.
 */
export function answersSchema(definition: FormDefinition, validate: (field: FormField, value: string) => boolean) {
  return z.record(z.string(), z.string().max(10_000)).superRefine((answers, ctx) => {
    const known = new Set(definition.fields.map((f) => f.id));
    for (const key of Object.keys(answers)) if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a field of this form' });
    for (const field of definition.fields) {
      const value = answers[field.id];
      if (!fieldApplies(field, answers)) {
        if (value !== undefined) ctx.addIssue({ code: 'custom', path: [field.id], message: 'does not apply to this request' });
      } else if (value === undefined || (value === '' && field.required)) {
        ctx.addIssue({ code: 'custom', path: [field.id], message: 'is missing' });
      } else if (value !== '' && !validate(field, value)) {
        ctx.addIssue({ code: 'custom', path: [field.id], message: 'is not valid' });
      }
    }
  });
}
