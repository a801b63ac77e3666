import { expect } from 'chai';
import { err, HUGE, ok } from './fieldResults';
import { validateEmail } from '../../../src/forms/fields/email';
import type { FieldResult } from '../../../src/forms/fields/fieldType';

describe('forms/fields/email', () => {
  describe('validateEmail', () => {
    const table: [string, string, FieldResult][] = [
      ['plain, trimmed and lowercased', '  Maria.Lopez@Policia.gob.MX ', ok('maria.lopez@policia.gob.mx')],
      ['angle brackets', '<j.smith@politie.nl>', ok('j.smith@politie.nl')],
      ['mailto link', 'mailto:agent@cbsa-asfc.gc.ca', ok('agent@cbsa-asfc.gc.ca')],
      ['plus addressing', 'ana+atf@example.org', ok('ana+atf@example.org')],
      ['empty', ' ', err('required')],
      ['HTML', '<b>x</b>', err('invalid')],
      ['no domain dot', 'maria@policia', err('invalid')],
      ['one-letter TLD', 'maria@policia.m', err('invalid')],
      ['two @', 'maria@@policia.mx', err('invalid')],
      ['a space inside', 'maria lopez@policia.mx', err('invalid')],
      ['consecutive dots', 'maria..lopez@policia.mx', err('invalid')],
      ['a sentence', 'my email is maria@policia.mx', err('invalid')],
      ['emoji only', '📧', err('invalid')],
      ['100 KB', HUGE, err('invalid')],
      ['255 characters', `${'a'.repeat(245)}@policia.mx`, err('invalid')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validateEmail(input)).to.deep.equal(expected));
    }
  });
});
