import { expect } from 'chai';
import { err, HUGE, ok } from './fieldResults';
import { formatDay, validateDate } from '../../../src/forms/fields/date';
import type { FieldResult } from '../../../src/forms/fields/fieldType';
import { VOCABULARY } from './vocabularyFixture';

const TODAY = new Date('2026-11-24T12:00:00Z');

describe('forms/fields/date', () => {
  describe('validateDate', () => {
    const table: [string, string, FieldResult][] = [
      ['ISO', '2026-03-14', ok('2026-03-14')],
      ['day first with slashes', '14/03/2026', ok('2026-03-14')],
      ['day first with dashes', '14-03-2026', ok('2026-03-14')],
      ['day first with dots', '14.03.2026', ok('2026-03-14')],
      ['both numbers up to 12: day first', '04/03/2026', ok('2026-03-04')],
      ['second number over 12: month first', '03/14/2026', ok('2026-03-14')],
      ['two-digit year', '14/03/26', ok('2026-03-14')],
      ['two-digit year in the last century', '14/03/85', ok('1985-03-14')],
      ['English, day first', '14 March 2026', ok('2026-03-14')],
      ['English, month first', 'March 14, 2026', ok('2026-03-14')],
      ['abbreviated month', 'Mar 14 2026', ok('2026-03-14')],
      ['ordinal', 'March 14th, 2026', ok('2026-03-14')],
      ['Spanish', '14 de marzo de 2026', ok('2026-03-14')],
      ['French', '14 mars 2026', ok('2026-03-14')],
      ['French first of the month', '1er mars 2026', ok('2026-03-01')],
      ['Dutch', '14 maart 2026', ok('2026-03-14')],
      ['today', 'today', ok('2026-11-24')],
      ['yesterday', 'Yesterday', ok('2026-11-23')],
      ['hoy', 'hoy', ok('2026-11-24')],
      ['ayer', 'ayer', ok('2026-11-23')],
      ["aujourd'hui", "aujourd'hui", ok('2026-11-24')],
      ['hier', 'hier', ok('2026-11-23')],
      ['31 February', '31/02/2026', err('invalid')],
      ['29 February in a leap year', '29/02/2028', ok('2028-02-29')],
      ['29 February otherwise', '29 February 2026', err('invalid')],
      ['no month over 12', '13/13/2026', err('invalid')],
      ['mixed separators', '14/03-2026', err('invalid')],
      ['a typo year', '0226-03-14', err('invalid')],
      ['no year', '14 March', err('invalid')],
      ['words', 'last week', err('invalid')],
      ['empty', '', err('required')],
      ['emoji only', '📅', err('invalid')],
      ['100 KB', HUGE, err('invalid')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validateDate(input, TODAY, VOCABULARY)).to.deep.equal(expected));
    }

    const notFuture: [string, string, FieldResult][] = [
      ['today is not the future', 'today', ok('2026-11-24')],
      ['tomorrow is', '25/11/2026', err('inFuture')],
      ['late in the day in UTC still counts as today', '2026-11-24', ok('2026-11-24')],
    ];
    for (const [name, input, expected] of notFuture) {
      it(`not in the future: ${name}`, () => expect(validateDate(input, TODAY, VOCABULARY, { notFuture: true })).to.deep.equal(expected));
    }
  });

  describe('formatDay', () => {
    const table: [string, string, string, string][] = [
      ['day first in English', '2026-03-14', 'en', '14 March 2026'],
      ['Spanish', '2026-03-14', 'es', '14 de marzo de 2026'],
      ['French', '2026-03-14', 'fr', '14 mars 2026'],
      ['not a stored date: unchanged', 'soon', 'en', 'soon'],
    ];
    for (const [name, value, locale, expected] of table) {
      it(name, () => expect(formatDay(value, locale)).to.equal(expected));
    }
  });
});
