import type { FieldResult } from '../../../src/forms/fields/fieldType';

export const ok = (value: string): FieldResult => ({ ok: true, value });
export const err = (error: string): FieldResult => ({ ok: false, error });
/** An answer no partner types: 100 KB. */
export const HUGE = 'a'.repeat(100_000);
