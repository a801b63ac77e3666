import { accepted, oneRuleFieldType, refused, type FieldResult } from './fieldType';

const MAX_EMAIL_LENGTH = 254;
const EMAIL = /^(?!\.)(?!.*\.\.)[^\s@<>()[\]\\,;:"]+(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** Pragmatic, not RFC 5322: it catches typos, and the address is confirmed by writing to it. */
export function validateEmail(text: string): FieldResult {
  let value = text.trim();
  if (!value) return refused('required');
  // Mail clients paste addresses as <x@y> or mailto:x@y.
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1).trim();
  value = value.replace(/^mailto:/i, '').toLowerCase();
  return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value) ? accepted(value) : refused('invalid');
}

export const email = oneRuleFieldType('email', validateEmail);
