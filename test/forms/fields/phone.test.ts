import { expect } from 'chai';
import { err, HUGE, ok } from './fieldResults';
import type { FieldResult } from '../../../src/forms/fields/fieldType';
import { validatePhone } from '../../../src/forms/fields/phone';

describe('forms/fields/phone', () => {
  describe('validatePhone', () => {
    const table: [string, string, FieldResult][] = [
      ['Mexico', '+52 55 1234 5678', ok('+525512345678')],
      ['the Netherlands, trunk (0) dropped', '+31 (0)20 123 4567', ok('+31201234567')],
      ['the Netherlands with 00', '0031 20 123 4567', ok('+31201234567')],
      ['Trinidad, North American style', '1-868-555-0123', ok('18685550123')],
      ['Canada with parentheses and dots', '+1 (613) 555.0199', ok('+16135550199')],
      ['a national number keeps its trunk 0', '020 123 4567', ok('0201234567')],
      ['extension with ext.', '+1 868 555 0123 ext. 45', ok('+18685550123 ext 45')],
      ['extension with x', '555-0123 x7', ok('5550123 ext 7')],
      ['full-width digits', '５５５１２３４５６７', ok('5551234567')],
      ['too short', '12345', err('invalid')],
      ['more than 15 digits', '+52 1234 5678 9012 3456', err('invalid')],
      ['country code 0', '+0 20 123 4567', err('invalid')],
      ['letters', 'call me', err('invalid')],
      ['a plus inside', '52+55 1234 5678', err('invalid')],
      ['empty', '', err('required')],
      ['emoji only', '📞', err('invalid')],
      ['100 KB', HUGE, err('invalid')],
      ['100 KB of spaces around digits', `1${' '.repeat(100_000)}x2`, err('invalid')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validatePhone(input)).to.deep.equal(expected));
    }
  });
});
