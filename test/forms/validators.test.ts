import { expect } from 'chai';
import {
  countryName,
  formatForDisplay,
  validateCountry,
  validateDate,
  validateEmail,
  validatePhone,
  validateText,
  validateYesNo,
  type TextRules,
  type ValidationError,
  type ValidationResult,
} from '../../src/forms/validators';

const ok = (value: string): ValidationResult => ({ ok: true, value });
const err = (error: ValidationError): ValidationResult => ({ ok: false, error });

const TODAY = new Date('2026-11-24T12:00:00Z');
const HUGE = 'a'.repeat(100_000);

describe('forms/validators', () => {
  describe('validateText', () => {
    const table: [string, string, TextRules, ValidationResult][] = [
      ['empty', '', {}, err('required')],
      ['only spaces', '   ', {}, err('required')],
      ['only newlines and tabs', '\n\t \n', {}, err('required')],
      ['trimmed, runs of spaces collapsed, newlines kept', '  two\t  words\n\nnext line  ', {}, ok('two words\n\nnext line')],
      ['too short', 'ab', { minLength: 3 }, err('tooShort')],
      ['exactly the minimum', 'abc', { minLength: 3 }, ok('abc')],
      ['too long', 'abcd', { maxLength: 3 }, err('tooLong')],
      ['emoji count as one character each', '👍👍👍', { maxLength: 3 }, ok('👍👍👍')],
      ['a pile of combining marks is not one character', `a${'\u0301'.repeat(10)}`, { maxLength: 3 }, err('tooLong')],
      ['100 KB', HUGE, { maxLength: 300 }, err('tooLong')],
      ['HTML kept as text', '<b>x</b>', {}, ok('<b>x</b>')],
      ['pattern matches the whole answer', '2024-00871', { pattern: '\\d{4}-\\d+' }, ok('2024-00871')],
      ['pattern is anchored', 'case 2024-00871', { pattern: '\\d{4}-\\d+' }, err('pattern')],
      ['pattern alternatives are anchored together', 'ab', { pattern: 'a|b' }, err('pattern')],
    ];
    for (const [name, input, rules, expected] of table) {
      it(name, () => expect(validateText(input, rules)).to.deep.equal(expected));
    }
  });

  describe('validateEmail', () => {
    const table: [string, string, ValidationResult][] = [
      ['plain, trimmed and lowercased', '  Maria.Lopez@Policia.gob.MX ', ok('maria.lopez@policia.gob.mx')],
      ['angle brackets', '<j.smith@politie.nl>', ok('j.smith@politie.nl')],
      ['mailto link', 'mailto:agent@cbsa-asfc.gc.ca', ok('agent@cbsa-asfc.gc.ca')],
      ['plus addressing', 'ana+atf@example.org', ok('ana+atf@example.org')],
      ['empty', ' ', err('required')],
      ['HTML', '<b>x</b>', err('email')],
      ['no domain dot', 'maria@policia', err('email')],
      ['one-letter TLD', 'maria@policia.m', err('email')],
      ['two @', 'maria@@policia.mx', err('email')],
      ['a space inside', 'maria lopez@policia.mx', err('email')],
      ['consecutive dots', 'maria..lopez@policia.mx', err('email')],
      ['a sentence', 'my email is maria@policia.mx', err('email')],
      ['emoji only', '📧', err('email')],
      ['100 KB', HUGE, err('tooLong')],
      ['255 characters', `${'a'.repeat(245)}@policia.mx`, err('tooLong')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validateEmail(input)).to.deep.equal(expected));
    }
  });

  describe('validatePhone', () => {
    const table: [string, string, ValidationResult][] = [
      ['Mexico', '+52 55 1234 5678', ok('+525512345678')],
      ['the Netherlands, trunk (0) dropped', '+31 (0)20 123 4567', ok('+31201234567')],
      ['the Netherlands with 00', '0031 20 123 4567', ok('+31201234567')],
      ['Trinidad, North American style', '1-868-555-0123', ok('18685550123')],
      ['Canada with parentheses and dots', '+1 (613) 555.0199', ok('+16135550199')],
      ['a national number keeps its trunk 0', '020 123 4567', ok('0201234567')],
      ['extension with ext.', '+1 868 555 0123 ext. 45', ok('+18685550123 ext 45')],
      ['extension with x', '555-0123 x7', ok('5550123 ext 7')],
      ['full-width digits', '５５５１２３４５６７', ok('5551234567')],
      ['too short', '12345', err('phone')],
      ['more than 15 digits', '+52 1234 5678 9012 3456', err('phone')],
      ['country code 0', '+0 20 123 4567', err('phone')],
      ['letters', 'call me', err('phone')],
      ['a plus inside', '52+55 1234 5678', err('phone')],
      ['empty', '', err('required')],
      ['emoji only', '📞', err('phone')],
      ['100 KB', HUGE, err('phone')],
      ['100 KB of spaces around digits', `1${' '.repeat(100_000)}x2`, err('phone')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validatePhone(input)).to.deep.equal(expected));
    }
  });

  describe('validateCountry', () => {
    const table: [string, string, string | undefined, ValidationResult][] = [
      ['English name, lowercase', 'mexico', undefined, ok('MX')],
      ['name with accent', 'México', undefined, ok('MX')],
      ['code', 'MX', undefined, ok('MX')],
      ['lowercase code', 'mx', undefined, ok('MX')],
      ['a lowercase word that is also a code: "no" is no Norway', 'no', undefined, err('country')],
      ['the same code in capitals', 'NO', undefined, ok('NO')],
      ['leading "the"', 'the netherlands', undefined, ok('NL')],
      ['Holland', 'Holland', undefined, ok('NL')],
      ['Curaçao', 'Curaçao', undefined, ok('CW')],
      ['Curacao without cedilla', 'curacao', undefined, ok('CW')],
      ['Trinidad alone', 'trinidad', undefined, ok('TT')],
      ['"and" for "&"', 'Trinidad and Tobago', undefined, ok('TT')],
      ['The Bahamas', 'The Bahamas', undefined, ok('BS')],
      ['USA', 'USA', undefined, ok('US')],
      ['U.S.A.', 'U.S.A.', undefined, ok('US')],
      ['United States of America', 'United States of America', undefined, ok('US')],
      ['UK', 'UK', undefined, ok('GB')],
      ['Great Britain', 'great britain', undefined, ok('GB')],
      ['"St." and "Saint"', 'Saint Lucia', undefined, ok('LC')],
      ['the code ST is not "saint"', 'ST', undefined, ok('ST')],
      ['a parenthesised alternative', 'Burma', undefined, ok('MM')],
      ['Kosovo', 'Kosovo', undefined, ok('XK')],
      ['a flag', '🇲🇽', undefined, ok('MX')],
      ['name in the form locale', 'Países Bajos', 'es', ok('NL')],
      ['English name in another locale', 'Netherlands', 'fr', ok('NL')],
      ['name in a locale the form does not use', 'Países Bajos', undefined, err('country')],
      ['an invalid locale falls back to English', 'Mexico', 'not a locale!', ok('MX')],
      ['unknown', 'Atlantis', undefined, err('country')],
      ['not a country: EU', 'EU', undefined, err('country')],
      ['deprecated code', 'AN', undefined, err('country')],
      ['empty', '  ', undefined, err('required')],
      ['emoji only', '🌎', undefined, err('country')],
      ['100 KB', HUGE, undefined, err('country')],
    ];
    for (const [name, input, locale, expected] of table) {
      it(name, () => expect(validateCountry(input, locale)).to.deep.equal(expected));
    }

    it('names a code', () => {
      expect(countryName('NL')).to.equal('Netherlands');
      expect(countryName('mx', 'es')).to.equal('México');
      expect(countryName('not a code')).to.equal('not a code');
    });
  });

  describe('validateDate', () => {
    const table: [string, string, ValidationResult][] = [
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
      ['31 February', '31/02/2026', err('date')],
      ['29 February in a leap year', '29/02/2028', ok('2028-02-29')],
      ['29 February otherwise', '29 February 2026', err('date')],
      ['no month over 12', '13/13/2026', err('date')],
      ['mixed separators', '14/03-2026', err('date')],
      ['a typo year', '0226-03-14', err('date')],
      ['no year', '14 March', err('date')],
      ['words', 'last week', err('date')],
      ['empty', '', err('required')],
      ['emoji only', '📅', err('date')],
      ['100 KB', HUGE, err('date')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validateDate(input, TODAY)).to.deep.equal(expected));
    }

    const notFuture: [string, string, ValidationResult][] = [
      ['today is not the future', 'today', ok('2026-11-24')],
      ['tomorrow is', '25/11/2026', err('dateInFuture')],
      ['late in the day in UTC still counts as today', '2026-11-24', ok('2026-11-24')],
    ];
    for (const [name, input, expected] of notFuture) {
      it(`not in the future: ${name}`, () => expect(validateDate(input, TODAY, { notFuture: true })).to.deep.equal(expected));
    }
  });

  describe('validateYesNo', () => {
    const table: [string, string, ValidationResult][] = [
      ['yes', 'yes', ok('yes')],
      ['capitals and punctuation', 'Yes!', ok('yes')],
      ['with please', 'yes please', ok('yes')],
      ['y', 'Y', ok('yes')],
      ['okay', 'okay.', ok('yes')],
      ['of course', 'Of course!', ok('yes')],
      ['i agree', 'I agree', ok('yes')],
      ['sí', 'Sí', ok('yes')],
      ['si, gracias', 'si, gracias', ok('yes')],
      ['oui', 'oui merci', ok('yes')],
      ['ja', 'ja', ok('yes')],
      ['true', 'TRUE', ok('yes')],
      ['thumbs up with a skin tone', '👍🏽', ok('yes')],
      ['no', 'no', ok('no')],
      ['nope', 'Nope.', ok('no')],
      ['no thanks', 'No, thanks', ok('no')],
      ['non', 'non', ok('no')],
      ['nee', 'nee', ok('no')],
      ['false', 'false', ok('no')],
      ['thumbs down', '👎', ok('no')],
      ['i do not agree', 'I do not agree', ok('no')],
      ["don't", "Don't", ok('no')],
      ['unsure', 'not sure', err('yesNo')],
      ['both', 'yes and no', err('yesNo')],
      ['something else', 'maybe', err('yesNo')],
      ['emoji only', '🙂', err('yesNo')],
      ['empty', ' ', err('required')],
      ['100 KB', HUGE, err('yesNo')],
    ];
    for (const [name, input, expected] of table) {
      it(name, () => expect(validateYesNo(input)).to.deep.equal(expected));
    }
  });

  describe('formatForDisplay', () => {
    const table: [string, Parameters<typeof formatForDisplay>, string][] = [
      ['country', ['country', 'NL'], 'Netherlands'],
      ['country in Spanish', ['country', 'MX', 'es'], 'México'],
      ['date, day first in English', ['date', '2026-03-14'], '14 March 2026'],
      ['date in Spanish', ['date', '2026-03-14', 'es'], '14 de marzo de 2026'],
      ['date in French', ['date', '2026-03-14', 'fr'], '14 mars 2026'],
      ['yes', ['yesNo', 'yes'], 'Yes'],
      ['no', ['yesNo', 'no'], 'No'],
      ['phone unchanged', ['phone', '+525512345678'], '+525512345678'],
      ['text unchanged', ['text', '<b>x</b>'], '<b>x</b>'],
      ['not a stored date: unchanged', ['date', 'soon'], 'soon'],
    ];
    for (const [name, args, expected] of table) {
      it(name, () => expect(formatForDisplay(...args)).to.equal(expected));
    }
  });
});
