import { foldText } from './answerText';
import { accepted, oneRuleFieldType, refused, type FieldResult } from './fieldType';

/** Longer than any phone number with separators and an extension; also keeps the regexes cheap. */
const MAX_PHONE_LENGTH = 64;
const EXTENSION = /^(.*?)\s*(?:ext(?:ension)?|x)[.:]?\s*(\d{1,6})$/;

/** The value is the digits, with "+" when international and " ext N" when there is an extension. */
export function validatePhone(text: string): FieldResult {
  const trimmed = foldText(text).trim();
  if (!trimmed) return refused('required');
  if (trimmed.length > MAX_PHONE_LENGTH) return refused('invalid');
  const [, number = trimmed, extension] = EXTENSION.exec(trimmed) ?? [];
  const international = /^(\+|00)/.test(number);
  // "+31 (0)20 ..." is how Europeans write the trunk 0 that is dialled only inside the country.
  const main = international ? number.replace(/\(\s*0\s*\)/g, '') : number;
  if (!/^\+?[\d\s().-]+$/.test(main)) return refused('invalid');
  const digits = main.replace(/\D/g, '').slice(main.startsWith('00') ? 2 : 0);
  if (digits.length < 7 || digits.length > 15 || (international && digits.startsWith('0'))) return refused('invalid');
  return accepted(`${international ? '+' : ''}${digits}${extension ? ` ext ${extension}` : ''}`);
}

export const phone = oneRuleFieldType('phone', validatePhone);
